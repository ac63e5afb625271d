/**
 * @module lib/geo/bounds — longitude/latitude boxes that may cross the antimeridian.
 *
 * A box is `[west, south, east, north]` in degrees. When `west > east` the box crosses the
 * antimeridian (Fiji: `[177, -19, -179, -16]`), the convention of d3-geo's `geoBounds`, so a
 * box from d3 and a box from here mean the same thing.
 */

export type Bounds = [west: number, south: number, east: number, north: number];

const EARTH_RADIUS_KM = 6371;

/** Longitude normalized to [-180, 180). */
export function wrapLon(lon: number): number {
  const x = (((lon + 180) % 360) + 360) % 360;
  return x - 180;
}

/** Degrees from `from` eastwards to `to`, in [0, 360). */
function eastward(from: number, to: number): number {
  return (((to - from) % 360) + 360) % 360;
}

/** How many degrees of longitude the box covers, going east from west to east (0..360). */
export function lonSpan(b: Bounds): number {
  if (b[0] === -180 && b[2] === 180) return 360;
  return eastward(b[0], b[2]);
}

export function latSpan(b: Bounds): number {
  return b[3] - b[1];
}

/** The box's centre as `[lon, lat]`, on the right side of the antimeridian for crossing boxes. */
export function boundsCenter(b: Bounds): [number, number] {
  return [wrapLon(b[0] + lonSpan(b) / 2), (b[1] + b[3]) / 2];
}

/** A box from a west edge and an eastward span; a span of 360 or more is the whole circle. */
function fromSpan(west: number, span: number, south: number, north: number): Bounds {
  if (span >= 360) return [-180, south, 180, north];
  const w = wrapLon(west);
  const e = w + span > 180 ? w + span - 360 : w + span;
  return [w, south, e, north];
}

/**
 * The smallest box holding both. Longitudes are a circle, so the union of two arcs is the shorter
 * of "start at a's west" and "start at b's west": Russia's mainland (27°E..180°) and Chukotka
 * (180°..169°W) unite to 27°E..169°W, not to the whole world.
 */
export function unionBounds(a: Bounds, b: Bounds): Bounds {
  const sa = lonSpan(a);
  const sb = lonSpan(b);
  const fromA = Math.max(sa, eastward(a[0], b[0]) + sb);
  const fromB = Math.max(sb, eastward(b[0], a[0]) + sa);
  const south = Math.min(a[1], b[1]);
  const north = Math.max(a[3], b[3]);
  return fromA <= fromB ? fromSpan(a[0], fromA, south, north) : fromSpan(b[0], fromB, south, north);
}

/**
 * The smallest box holding the points (`[lon, lat]`): the longitudes are cut at their widest gap,
 * so points on both sides of the antimeridian (Suva and Apia) give a narrow box across it.
 */
export function boundsOfPoints(points: readonly (readonly [number, number])[]): Bounds | null {
  if (points.length === 0) return null;
  const lons = points.map((p) => wrapLon(p[0])).sort((x, y) => x - y);
  let south = Infinity;
  let north = -Infinity;
  for (const p of points) {
    south = Math.min(south, p[1]);
    north = Math.max(north, p[1]);
  }
  // The widest gap between consecutive longitudes (including the wrap from last to first) is outside.
  let gapEnd = 0;
  let widest = lons[0] + 360 - lons[lons.length - 1];
  for (let i = 1; i < lons.length; i++) {
    const gap = lons[i] - lons[i - 1];
    if (gap > widest) {
      widest = gap;
      gapEnd = i;
    }
  }
  const west = lons[gapEnd];
  return fromSpan(west, 360 - widest, south, north);
}

/** The longitude intervals of a box, split at the antimeridian. */
function lonIntervals(b: Bounds): [number, number][] {
  if (lonSpan(b) >= 360) return [[-180, 180]];
  return b[0] <= b[2]
    ? [[b[0], b[2]]]
    : [
        [b[0], 180],
        [-180, b[2]],
      ];
}

export function boundsIntersect(a: Bounds, b: Bounds): boolean {
  if (a[1] > b[3] || b[1] > a[3]) return false;
  for (const [aw, ae] of lonIntervals(a)) {
    for (const [bw, be] of lonIntervals(b)) {
      if (aw <= be && bw <= ae) return true;
    }
  }
  return false;
}

export function boundsContain(b: Bounds, lon: number, lat: number): boolean {
  return lat >= b[1] && lat <= b[3] && eastward(b[0], lon) <= lonSpan(b);
}

/**
 * Grows the box around its centre to at least `minLat` degrees of latitude and the same distance on
 * the ground in longitude, then adds `margin` (a fraction of each span) on every side, so a marker
 * never sits on the frame. Latitudes are kept within ±85°.
 */
export function padBounds(b: Bounds, minLat: number, margin: number): Bounds {
  const [cx, cy] = boundsCenter(b);
  const cos = Math.max(Math.cos((cy * Math.PI) / 180), 0.2);
  const lat = Math.max(latSpan(b), minLat) * (1 + 2 * margin);
  const lon = Math.max(lonSpan(b), minLat / cos) * (1 + 2 * margin);
  const south = Math.max(cy - lat / 2, -85);
  const north = Math.min(cy + lat / 2, 85);
  return fromSpan(cx - lon / 2, Math.min(lon, 360), south, north);
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
