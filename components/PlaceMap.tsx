import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MapSize } from '@/lib/geo/draw';
import { loadMapKit, type MapKit, peekMapKit } from '@/lib/geo/load-atlas';
import { type AtlasDetail, chooseView, type MapPoint, type MapScale } from '@/lib/geo/view';
import './place-map.css';

export type { MapPoint, MapScale } from '@/lib/geo/view';
export { mapScaleFor } from '@/lib/geo/view';

export interface PlaceMapProps {
  /** The place to mark; absent for an actor (then the map shows `country`). */
  focus?: MapPoint;
  /** ISO 3166-1 alpha-2 code of the country to shade (a place's country, or an actor's). */
  country?: string;
  /** The article's other places, drawn as smaller markers when they fall in the view. */
  others?: MapPoint[];
  /**
   * How much ground the focus stands for (default `local`): `country` fits the whole country, as
   * for a place whose subtype is country; `region` zooms out further than for a town.
   * `mapScaleFor(entry.subtype)` gives it for a knowledge-base place.
   */
  scale?: MapScale;
}

/** The SVG's own coordinate size; it scales to the panel's width (aspect ratio in place-map.css). */
const SIZE: MapSize = { width: 320, height: 200 };
const FOCUS_R = 4.5;
const OTHER_R = 2.6;

/** The loaded geometry and drawing code, tagged with the detail so a view needing another shows the placeholder. */
interface Loaded {
  detail: AtlasDetail;
  kit: MapKit;
}

function useMapKit(detail: AtlasDetail | undefined): { loaded: Loaded | undefined; failed: boolean } {
  const [loaded, setLoaded] = useState<Loaded | undefined>(() => {
    const kit = detail && peekMapKit(detail);
    return detail && kit ? { detail, kit } : undefined;
  });
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!detail) return;
    const kit = peekMapKit(detail);
    if (kit) {
      setLoaded({ detail, kit });
      return;
    }
    let alive = true;
    loadMapKit(detail).then(
      (kit) => alive && setLoaded({ detail, kit }),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [detail]);
  return { loaded: loaded?.detail === detail ? loaded : undefined, failed };
}

/**
 * A small offline map: the focus place marked and labelled, its country shaded, the article's other
 * nearby places as small markers; or, for an actor, their country. Drawn from world-atlas, which
 * loads on the first map (a placeholder of the same size holds the space meanwhile).
 */
export function PlaceMap({ focus, country, others, scale }: PlaceMapProps): JSX.Element | null {
  // Parents pass fresh arrays on every render: key the work on the values (`key`), not the identities.
  const key = JSON.stringify([focus, country, others, scale]);
  const view = useMemo(() => chooseView({ focus, country, others, scale }), [key]);
  const { loaded, failed } = useMapKit(view?.detail);
  const drawing = useMemo(
    () => (view && loaded ? loaded.kit.drawMap(loaded.kit.atlas, view, SIZE, focus, others) : undefined),
    [key, loaded],
  );

  if (!view || failed) return null;
  const name = focus
    ? view.countryName && focus.label !== view.countryName
      ? `${focus.label}, ${view.countryName}`
      : focus.label
    : (view.countryName ?? '');
  if (!drawing) {
    return (
      <div class="place-map place-map-loading" role="img" aria-label={`Map: ${name} (loading)`} aria-busy="true" />
    );
  }
  const shownOthers = drawing.others.length;
  const label = `Map: ${name}${
    shownOthers > 0 ? `, with ${shownOthers} other place${shownOthers === 1 ? '' : 's'} from the article` : ''
  }`;
  const f = drawing.focus;
  // The label goes right of the marker, or left when the marker is in the right part of the frame.
  const labelLeft = f !== undefined && f.x > SIZE.width * 0.6;
  return (
    <svg
      class="place-map"
      viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid slice"
    >
      <title>{label}</title>
      <rect class="map-water" width={SIZE.width} height={SIZE.height} />
      <path class="map-land" d={drawing.land} />
      {drawing.country && <path class="country-focus" d={drawing.country} />}
      <path class="map-borders" d={drawing.borders} />
      {drawing.others.map((o) => (
        <circle key={`${o.x},${o.y}`} class="marker marker-other" cx={o.x} cy={o.y} r={OTHER_R}>
          <title>{o.label}</title>
        </circle>
      ))}
      {f && (
        <g>
          <circle class="marker marker-focus" cx={f.x} cy={f.y} r={FOCUS_R} />
          <text
            class="marker-label"
            x={labelLeft ? f.x - FOCUS_R - 3 : f.x + FOCUS_R + 3}
            y={Math.min(Math.max(f.y + 4, 12), SIZE.height - 4)}
            text-anchor={labelLeft ? 'end' : 'start'}
          >
            {f.label}
          </text>
        </g>
      )}
    </svg>
  );
}
