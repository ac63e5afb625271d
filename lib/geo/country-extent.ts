/**
 * @module lib/geo/country-extent — the part of a country a map of it should show.
 *
 * The bounds of a whole country are often useless for a map: France's geometry in world-atlas
 * includes French Guiana and Réunion, the USA's includes Hawaii and the Aleutians across the
 * antimeridian, Chile's Easter Island. A country map should show the mainland and what lies close
 * to it. Used at build time by scripts/build-geo-codes.ts, so the panel gets the boxes for free.
 */
import { geoArea, geoBounds } from 'd3-geo';
import type { Bounds } from './bounds';
import { boundsOfPoints, lonSpan, unionBounds } from './bounds';

type Ring = number[][];
type PolygonCoords = Ring[];

/** A part this large (relative to the largest) is kept wherever it is: East and Peninsular Malaysia. */
const KEEP_AREA_RATIO = 0.3;
/**
 * A smaller part is kept when it is within this fraction of the main part's size: Alaska (4° from the lower 48,
 * whose size is 46°) and Corsica are kept; Svalbard and Jan Mayen (5° and 4° from mainland Norway, size 13°),
 * the Canaries and the Galápagos are not.
 */
const NEAR_RATIO = 0.3;
/** …or within this many degrees (islands off a small country; pieces cut at the antimeridian). */
const NEAR_MIN_DEGREES = 1.5;

function degreesApart(a: Bounds, b: Bounds): number {
  const latGap = Math.max(0, b[1] - a[3], a[1] - b[3]);
  const east = (from: number, to: number) => (((to - from) % 360) + 360) % 360;
  // Longitude gap on the circle: zero when the intervals overlap.
  const aOverlapsB = east(a[0], b[0]) <= lonSpan(a) || east(b[0], a[0]) <= lonSpan(b);
  const lonGap = aOverlapsB ? 0 : Math.min(east(a[2], b[0]), east(b[2], a[0]));
  const midLat = ((Math.max(a[1], b[1]) + Math.min(a[3], b[3])) / 2) * (Math.PI / 180);
  return Math.hypot(latGap, lonGap * Math.max(Math.cos(midLat), 0.2));
}

function size(b: Bounds): number {
  const midLat = ((b[1] + b[3]) / 2) * (Math.PI / 180);
  return Math.max(b[3] - b[1], lonSpan(b) * Math.cos(midLat));
}

/**
 * The box of a country's main landmass and the parts near it, or null for an empty geometry.
 * Takes the polygons as GeoJSON coordinates (a Polygon is one entry, a MultiPolygon many).
 */
export function countryExtent(polygons: readonly PolygonCoords[]): Bounds | null {
  const parts = polygons
    .filter((p) => p.length > 0 && p[0].length >= 4)
    .map((coordinates) => {
      const geometry = { type: 'Polygon' as const, coordinates };
      const [[w, s], [e, n]] = geoBounds(geometry);
      let bounds: Bounds = [w, s, e, n];
      // A sliver of Fiji whose ring touches both +180 and -180 gets a whole-world box from geoBounds; the
      // box of its vertices is right. (Antarctica's box is whole-world too, and its vertices say so.)
      const vertices = boundsOfPoints(coordinates[0] as [number, number][]);
      if (lonSpan(bounds) >= 359 && vertices && lonSpan(vertices) < 180) bounds = vertices;
      return { bounds, area: geoArea(geometry) };
    });
  if (parts.length === 0) return null;
  parts.sort((a, b) => b.area - a.area);
  const main = parts[0];
  const near = Math.max(NEAR_MIN_DEGREES, NEAR_RATIO * size(main.bounds));
  let extent = main.bounds;
  for (const part of parts.slice(1)) {
    if (part.area >= KEEP_AREA_RATIO * main.area || degreesApart(main.bounds, part.bounds) <= near) {
      extent = unionBounds(extent, part.bounds);
    }
  }
  return extent;
}

/** The polygons of a GeoJSON Polygon or MultiPolygon geometry, as a list. */
export function polygonsOf(geometry: { type: string; coordinates?: unknown } | null): PolygonCoords[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as PolygonCoords];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as PolygonCoords[];
  return [];
}
