/**
 * @module lib/geo/clip-box — cuts a lon/lat ring to a box before it is projected.
 *
 * A map of Nuuk touches Greenland's one 1:50m polygon of thousands of points, and d3 would project
 * and clip every one of them to show a hundredth. Sutherland–Hodgman against the four edges of a
 * generous box (planar in degrees) keeps the points near the view; the straight edges it adds along
 * the box lie far outside the frame, which d3's own clipExtent then cuts exactly.
 */
import type { Position } from 'geojson';

type Inside = (p: Position) => boolean;
type Cross = (a: Position, b: Position) => Position;

function clipEdge(ring: Position[], inside: Inside, cross: Cross): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i];
    const previous = ring[(i + ring.length - 1) % ring.length];
    const currentIn = inside(current);
    if (currentIn !== inside(previous)) out.push(cross(previous, current));
    if (currentIn) out.push(current);
  }
  return out;
}

const atX =
  (x: number): Cross =>
  (a, b) => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
const atY =
  (y: number): Cross =>
  (a, b) => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];

/**
 * The part of a closed ring inside `[west, south, east, north]` (planar, west < east; longitudes as
 * given, so a box past 180° takes a ring shifted by 360°), closed again; empty when nothing is inside.
 */
export function clipRingToBox(ring: readonly Position[], box: readonly [number, number, number, number]): Position[] {
  const [w, s, e, n] = box;
  // Work on the open ring (without the repeated first point).
  let open = ring.slice(0, -1) as Position[];
  open = clipEdge(open, (p) => p[0] >= w, atX(w));
  open = clipEdge(open, (p) => p[0] <= e, atX(e));
  open = clipEdge(open, (p) => p[1] >= s, atY(s));
  open = clipEdge(open, (p) => p[1] <= n, atY(n));
  return open.length >= 3 ? [...open, open[0]] : [];
}
