/**
 * @module lib/geo/view — what a map should show: the box to fit and the country to shade.
 *
 * Pure and synchronous (the country boxes are precomputed in country-codes.ts), so the panel knows
 * whether there is a map, and which geometry it needs, before any geometry is loaded.
 */
import type { Bounds } from './bounds';
import { boundsOfPoints, distanceKm, latSpan, lonSpan, padBounds } from './bounds';
import { COUNTRY_ROWS, type CountryRow } from './country-codes';

export interface MapPoint {
  lat: number;
  lon: number;
  label: string;
}

/**
 * How much ground the focus stands for: a town or site (`local`), a province or sea (`region`),
 * or a whole country (`country`: fit the country's box). See `mapScaleFor`.
 */
export type MapScale = 'local' | 'region' | 'country';

export interface ViewRequest {
  focus?: MapPoint;
  country?: string;
  others?: readonly MapPoint[];
  scale?: MapScale;
}

/** The world-atlas resolution to draw with: 1:50m for regional maps, 1:110m when the view is continental. */
export type AtlasDetail = '50m' | '110m';

export interface MapView {
  /** The box the map must show (the frame may show more along one axis). */
  bounds: Bounds;
  detail: AtlasDetail;
  /** The world-atlas key of the country to shade, when it has a shape. */
  countryKey?: string;
  countryName?: string;
}

export interface CountryInfo {
  code: string;
  /** world-atlas key, or '' when the country has no shape of its own (French Guiana, Tuvalu). */
  key: string;
  name: string;
  bounds: Bounds;
}

/**
 * Others farther than this from the focus are left out of the fit: a Syria article's Aleppo and
 * Raqqa frame Damascus, its Washington would zoom the map out to half the world.
 */
export const NEARBY_KM = 800;

/**
 * Smallest latitude span in degrees (and the same ground distance in longitude), per scale: 3° is
 * about 330 km, so a city shows its neighbours and the nearest borders instead of a blank square.
 */
const MIN_SPAN: Record<MapScale, number> = { local: 3, region: 6, country: 2 };

/** Air around the fitted box, as a fraction of its span on each side. */
const MARGIN = 0.08;

/** The map's width over its height (PlaceMap's frame is 320 × 200). */
const FRAME_ASPECT = 1.6;

/**
 * Frames wider than this many degrees (of longitude at the view's latitude) use 1:110m: 40° over
 * 320 px is 8 px a degree, where 1:110m's vertices (0.1° to 0.2° apart) are already a pixel or two
 * apart, and 1:50m would add detail nobody can see at the cost of parsing four times the data.
 */
const COARSE_FROM_DEGREES = 40;

export function countryInfo(code: string | undefined, rows = COUNTRY_ROWS): CountryInfo | undefined {
  if (!code) return undefined;
  const upper = code.toUpperCase();
  const row: CountryRow | undefined = Object.hasOwn(rows, upper) ? rows[upper] : undefined;
  if (!row) return undefined;
  const [key, name, w, s, e, n] = row;
  return { code: upper, key, name, bounds: [w, s, e, n] };
}

/** The scale for a knowledge-base place subtype (lib/kb/types.ts `subtype`). */
export function mapScaleFor(subtype: string | undefined): MapScale {
  if (subtype === 'country') return 'country';
  if (subtype && /^(region|state|province|sea|gulf|lake|river|desert|mountains?|island-group|strait)$/.test(subtype)) {
    return 'region';
  }
  return 'local';
}

function detailFor(b: Bounds): AtlasDetail {
  const midLat = ((b[1] + b[3]) / 2) * (Math.PI / 180);
  // A box taller than the frame's shape is fitted by its height: the frame then shows more longitude.
  const frameWidth = Math.max(latSpan(b) * FRAME_ASPECT, lonSpan(b) * Math.cos(midLat));
  return frameWidth > COARSE_FROM_DEGREES ? '110m' : '50m';
}

/**
 * Chooses the view, or null when there is nothing to map (no focus and no known country).
 * - An actor (country only): the country's box.
 * - A country-scale place with a known country: the country's box, plus the focus point.
 * - Otherwise the focus and the others within NEARBY_KM, grown to the scale's minimum span.
 * Boxes may cross the antimeridian (Fiji, Chukotka); the projection is rotated to the box's centre.
 */
export function chooseView(request: ViewRequest, rows = COUNTRY_ROWS): MapView | null {
  const info = countryInfo(request.country, rows);
  const focus = request.focus && valid(request.focus) ? request.focus : undefined;
  if (!focus && !info) return null;
  const scale = request.scale ?? 'local';
  let box: Bounds;
  let minSpan = MIN_SPAN[scale];
  if (!focus && info) {
    box = info.bounds;
    // A country without a shape is one point (its centre): show it like a region.
    if (!info.key) minSpan = MIN_SPAN.region;
  } else if (focus && info?.key && scale === 'country') {
    box = boundsOfPoints([
      [info.bounds[0], info.bounds[1]],
      [info.bounds[2], info.bounds[3]],
      [focus.lon, focus.lat],
    ]) as Bounds;
    // Two corners alone would lose a box wider than 180° (Russia): keep the country's own box then.
    if (lonSpan(info.bounds) > lonSpan(box)) box = info.bounds;
  } else {
    const f = focus as MapPoint;
    const near = (request.others ?? []).filter((o) => valid(o) && distanceKm(f, o) <= NEARBY_KM);
    box = boundsOfPoints([f, ...near].map((p) => [p.lon, p.lat])) as Bounds;
  }
  const bounds = padBounds(box, minSpan, MARGIN);
  return {
    bounds,
    detail: detailFor(bounds),
    countryKey: info?.key || undefined,
    countryName: info?.name,
  };
}

function valid(p: MapPoint): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90;
}
