/**
 * @module lib/geo/draw — projects a view and turns it into SVG path data and marker positions.
 *
 * Conic equal-area, rotated to the view's centre with standard parallels at 1/6 and 5/6 of its
 * latitudes (the usual choice for a regional map): shapes and areas stay honest from a city up to
 * Russia, and rotating puts the antimeridian behind the map, so Fiji and Chukotka draw in one piece.
 * Paths are clipped to the frame and written with one decimal, so a regional map is a few kB of SVG.
 */
import type { GeoProjection } from 'd3-geo';
import { geoConicEqualArea, geoPath } from 'd3-geo';
import type { AtlasIndex } from './atlas';
import { toleranceStep, visibleBorders, visiblePart } from './atlas';
import type { Bounds } from './bounds';
import { boundsCenter, boundsContain, boundsIntersect, boundsOfPoints, lonSpan, unionBounds } from './bounds';
import type { MapPoint, MapView } from './view';

export interface MapSize {
  width: number;
  height: number;
}

export interface ProjectedPoint {
  x: number;
  y: number;
  label: string;
}

export interface MapDrawing {
  /** Every country in view except the shaded one. */
  land: string;
  /** The shaded country ('' when there is none or it is not in this atlas). */
  country: string;
  borders: string;
  focus?: ProjectedPoint;
  /** The other places that fall inside the frame (not on top of the focus). */
  others: ProjectedPoint[];
  /** The geographic box the frame covers (what was drawn). */
  shown: Bounds;
}

/**
 * Vertices closer than this many px (at the frame's scale; rounded down to a power-of-two step, so
 * 0.5 to 1 px) are thinned out before projecting: it halves a country map's SVG (Iran: 47 → 2x kB).
 */
const PIXEL_TOLERANCE = 1;

/** Space kept between the fitted box and the frame, in px. */
const INSET = 6;

/** Points along the edges of a box, for fitting a projection in which parallels are curves. */
function edgeSamples(b: Bounds, steps = 8): [number, number][] {
  const span = lonSpan(b);
  const out: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const lon = b[0] + (span * i) / steps;
    const lat = b[1] + ((b[3] - b[1]) * i) / steps;
    out.push([lon, b[1]], [lon, b[3]], [b[0], lat], [b[0] + span, lat]);
  }
  return out;
}

export function projectionFor(view: MapView, size: MapSize): GeoProjection {
  const b = view.bounds;
  const [cx] = boundsCenter(b);
  const h = b[3] - b[1];
  const projection = geoConicEqualArea()
    .parallels([b[1] + h / 6, b[3] - h / 6])
    .rotate([-cx, 0]);
  projection.fitExtent(
    [
      [INSET, INSET],
      [size.width - INSET, size.height - INSET],
    ],
    { type: 'MultiPoint', coordinates: edgeSamples(b) },
  );
  return projection.clipExtent([
    [0, 0],
    [size.width, size.height],
  ]);
}

/** The geographic box the frame shows: the frame's edges inverted, with a margin for culling. */
function shownBounds(projection: GeoProjection, view: MapView, size: MapSize): Bounds {
  const points: [number, number][] = [];
  const steps = 6;
  for (let i = 0; i <= steps; i++) {
    const x = (size.width * i) / steps;
    const y = (size.height * i) / steps;
    for (const [px, py] of [
      [x, 0],
      [x, size.height],
      [0, y],
      [size.width, y],
    ]) {
      const p = projection.invert?.([px, py]);
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) points.push([p[0], p[1]]);
    }
  }
  let shown = unionBounds(view.bounds, boundsOfPoints(points) ?? view.bounds);
  // A frame holding a pole shows every longitude, which its edges do not tell.
  const inFrame = (lat: number) => {
    const p = projection([0, lat]);
    return p !== null && p[0] >= 0 && p[0] <= size.width && p[1] >= 0 && p[1] <= size.height;
  };
  if (inFrame(90)) shown = [-180, shown[1], 180, 90];
  if (inFrame(-90)) shown = [-180, -90, 180, shown[3]];
  const padLat = (shown[3] - shown[1]) * 0.05;
  const padLon = Math.min(lonSpan(shown) * 0.05, (360 - lonSpan(shown)) / 2);
  if (lonSpan(shown) >= 360) return [-180, Math.max(-90, shown[1] - padLat), 180, Math.min(90, shown[3] + padLat)];
  return [shown[0] - padLon, Math.max(-90, shown[1] - padLat), shown[2] + padLon, Math.min(90, shown[3] + padLat)].map(
    (v, i) => (i % 2 === 0 ? ((((v + 180) % 360) + 360) % 360) - 180 : v),
  ) as Bounds;
}

/**
 * The box big polygons are cut to before projecting: the shown box grown by its own span on every
 * side, so the straight cut edges (which a conic projection would bend) stay well outside the frame.
 * None when the view is a quarter of the world or more wide: then there is little to save.
 */
function cutBox(shown: Bounds): Bounds | undefined {
  const span = lonSpan(shown);
  if (span >= 90) return undefined;
  const lat = shown[3] - shown[1];
  return [shown[0] - span, Math.max(-90, shown[1] - lat), shown[0] + 2 * span, Math.min(90, shown[3] + lat)];
}

/**
 * Draws `view` at `size` from `atlas`: water, land, the shaded country, borders, and the markers.
 * Pure: the same input gives the same strings (the component renders them as SVG).
 */
export function drawMap(
  atlas: AtlasIndex,
  view: MapView,
  size: MapSize,
  focus?: MapPoint,
  others: readonly MapPoint[] = [],
): MapDrawing {
  const projection = projectionFor(view, size);
  const shown = shownBounds(projection, view, size);
  // No adaptive resampling: after thinning, no edge is long enough for the projection to bend it
  // visibly, and resampling was a fifth of the drawing time. (The water is the frame's background, so
  // the globe's outline, which would need it, is not drawn.)
  projection.precision(0);
  const path = geoPath(projection).digits(1);
  const step = toleranceStep((PIXEL_TOLERANCE * lonSpan(shown)) / size.width);
  const cut = cutBox(shown);
  const parts = atlas.shapes.flatMap((shape) => {
    const part = visiblePart(atlas, shape, shown, step, cut);
    return part ? [{ shape, part }] : [];
  });
  // d3 cuts every polygon at the meridian behind the view's centre (its spherical clipping tests each
  // ring, about a third of the drawing time). Natural Earth is already cut at ±180°, so unless a
  // polygon in view reaches across that back meridian, the cut is a no-op and can be skipped.
  const back = boundsCenter(view.bounds)[0] + 180;
  const behind = back > 180 ? back - 360 : back;
  const crossesBack = parts.some(({ shape }) =>
    shape.polygonBounds.some((b) => boundsContain(b, behind, b[1]) && boundsIntersect(b, shown)),
  );
  if (!crossesBack) projection.preclip((stream) => stream);
  let land = '';
  let country = '';
  for (const { shape, part } of parts) {
    const d = path(part) ?? '';
    if (shape.key === view.countryKey) country = d;
    else land += d;
  }
  const borders = path(visibleBorders(atlas, shown, step)) ?? '';

  const place = (p: MapPoint): ProjectedPoint | undefined => {
    const xy = projection([p.lon, p.lat]);
    return xy && Number.isFinite(xy[0]) ? { x: round(xy[0]), y: round(xy[1]), label: p.label } : undefined;
  };
  const inside = (p: ProjectedPoint) => p.x >= 0 && p.x <= size.width && p.y >= 0 && p.y <= size.height;
  const focusPoint = focus ? place(focus) : undefined;
  const seen = new Set<string>();
  const otherPoints: ProjectedPoint[] = [];
  for (const o of others) {
    const p = place(o);
    if (!p || !inside(p)) continue;
    // One marker per spot: the article's "Damascus" and "Damascus Governorate" would overlap.
    const spot = `${Math.round(p.x / 3)},${Math.round(p.y / 3)}`;
    if (seen.has(spot)) continue;
    if (focusPoint && Math.hypot(p.x - focusPoint.x, p.y - focusPoint.y) < 4) continue;
    seen.add(spot);
    otherPoints.push(p);
  }
  return {
    land,
    country,
    borders,
    focus: focusPoint && inside(focusPoint) ? focusPoint : undefined,
    others: otherPoints,
    shown,
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
