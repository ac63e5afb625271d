/**
 * @module lib/geo/atlas — world-atlas countries, indexed for drawing one region at a time.
 *
 * A regional map needs a few dozen of the 241 country shapes, so the index keeps cheap boxes for
 * every polygon and every shared border arc, and decodes GeoJSON only for what a view shows
 * (then keeps it: decoded polygons are cached per topology). Indexing the 1:50m atlas reads
 * its 80,000 points once (a few ms); drawing then touches only the points in the view.
 */
import type { Feature, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { Bounds } from './bounds';
import { boundsIntersect, boundsOfPoints, lonSpan, unionBounds } from './bounds';
import { clipRingToBox } from './clip-box';

export type CountryGeometry = (Polygon | MultiPolygon) & { id?: string | number; properties?: { name?: string } };
export type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

export interface Shape {
  /** The world-atlas id (ISO 3166-1 numeric, as a string), or the name for shapes without one (Kosovo). */
  key: string;
  geometry: CountryGeometry;
  /** Box of each polygon, in the order of the geometry's (and the decoded feature's) polygons. */
  polygonBounds: Bounds[];
  /** Box of the whole shape (planar: the union of its polygons' boxes, which may cross the antimeridian). */
  bounds: Bounds;
}

export interface AtlasIndex {
  topology: CountriesTopology;
  shapes: Shape[];
  byKey: Map<string, Shape>;
  /** Arcs between two different countries (drawn as borders; coastlines are not stroked). */
  borderArcs: { arc: number; bounds: Bounds }[];
  /** Decoded polygons (`key#index`): only those a view has shown, so Canada's Arctic waits for a map of it. */
  polygons: Map<string, Position[][]>;
  /** Thinned polygons and border arcs per tolerance step (`key#index@step`, `arc:index@step`). */
  simplified: Map<string, Position[][] | Position[]>;
}

/**
 * Drawing tolerance in degrees, rounded down to a power of two so that views of about the same
 * scale share the cached simplified shapes.
 */
export function toleranceStep(degrees: number): number {
  return 2 ** Math.floor(Math.log2(degrees));
}

/**
 * Drops the points of a line within `tol` degrees (in both axes) of the last point kept; keeps the
 * last point so rings stay closed. At 1:50m a country has a vertex every 2 to 5 km, far finer than a
 * pixel of a regional map, and every point costs d3 spherical clipping and path text.
 */
function thin(line: Position[], tol: number): Position[] {
  if (line.length <= 2 || tol <= 0) return line;
  const out: Position[] = [line[0]];
  let [lx, ly] = line[0];
  for (let i = 1; i < line.length - 1; i++) {
    const [x, y] = line[i];
    if (Math.abs(x - lx) >= tol || Math.abs(y - ly) >= tol) {
      out.push(line[i]);
      lx = x;
      ly = y;
    }
  }
  out.push(line[line.length - 1]);
  return out;
}

const indexes = new WeakMap<object, AtlasIndex>();

/** The key a shape is found by: see Shape.key. */
export function shapeKey(geometry: { id?: string | number; properties?: { name?: string } | null }): string {
  return geometry.id !== undefined ? String(geometry.id) : (geometry.properties?.name ?? '');
}

/** Absolute coordinates of arc `i` (world-atlas arcs are quantized and delta-encoded). */
function decodeArc(topology: Topology, i: number): Position[] {
  const arc = topology.arcs[i];
  const t = topology.transform;
  if (!t) return arc.map((p) => [p[0], p[1]]);
  const [kx, ky] = t.scale;
  const [dx, dy] = t.translate;
  let x = 0;
  let y = 0;
  return arc.map((p) => {
    x += p[0];
    y += p[1];
    return [x * kx + dx, y * ky + dy];
  });
}

function mergePlanar(boxes: Bounds[]): Bounds {
  const out: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    if (b[0] < out[0]) out[0] = b[0];
    if (b[1] < out[1]) out[1] = b[1];
    if (b[2] > out[2]) out[2] = b[2];
    if (b[3] > out[3]) out[3] = b[3];
  }
  return out;
}

/** The box of arc `i`, read from the quantized deltas without building its coordinates. */
function arcBox(topology: Topology, i: number): Bounds {
  const arc = topology.arcs[i];
  const [kx, ky] = topology.transform?.scale ?? [1, 1];
  const [dx, dy] = topology.transform?.translate ?? [0, 0];
  const delta = topology.transform !== undefined;
  let x = 0;
  let y = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of arc) {
    x = delta ? x + p[0] : p[0];
    y = delta ? y + p[1] : p[1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX * kx + dx, minY * ky + dy, maxX * kx + dx, maxY * ky + dy];
}

/** Indexes a world-atlas countries topology (cached per topology object). */
export function indexAtlas(topology: CountriesTopology): AtlasIndex {
  const cached = indexes.get(topology);
  if (cached) return cached;
  const arcBounds = topology.arcs.map((_, i) => arcBox(topology, i));
  // Which country each arc belongs to; an arc used by two different countries is a border.
  const owner = new Int32Array(topology.arcs.length).fill(-1);
  const shared = new Uint8Array(topology.arcs.length);
  const shapes: Shape[] = [];
  const geometries = topology.objects.countries.geometries as CountryGeometry[];
  geometries.forEach((geometry, g) => {
    const polygons: number[][][] =
      geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
    const polygonBounds: Bounds[] = [];
    for (const rings of polygons) {
      for (const ring of rings) {
        for (const ref of ring) {
          const arc = ref < 0 ? ~ref : ref;
          if (owner[arc] === -1) owner[arc] = g;
          else if (owner[arc] !== g) shared[arc] = 1;
        }
      }
      // The outer ring bounds the polygon. A ring that runs over ±180° (Russia's mainland reaches Chukotka
      // in one ring, Wrangel Island straddles it) has a planar box of the whole world: box its vertices
      // around the circle instead (a handful of polygons, so decoding them here costs little).
      const planar = mergePlanar(rings[0].map((ref) => arcBounds[ref < 0 ? ~ref : ref]));
      polygonBounds.push(
        planar[2] - planar[0] > 180
          ? (boundsOfPoints(
              rings[0].flatMap((ref) => decodeArc(topology, ref < 0 ? ~ref : ref)) as [number, number][],
            ) ?? planar)
          : planar,
      );
    }
    if (polygonBounds.length === 0) return;
    shapes.push({ key: shapeKey(geometry), geometry, polygonBounds, bounds: polygonBounds.reduce(unionBounds) });
  });
  const borderArcs: AtlasIndex['borderArcs'] = [];
  shared.forEach((isShared, arc) => {
    if (isShared) borderArcs.push({ arc, bounds: arcBounds[arc] });
  });
  const index: AtlasIndex = {
    topology,
    shapes,
    byKey: new Map(shapes.map((s) => [s.key, s])),
    borderArcs,
    polygons: new Map(),
    simplified: new Map(),
  };
  indexes.set(topology, index);
  return index;
}

/** The arcs of a shape's polygons (a Polygon is one polygon). */
function polygonArcs(shape: Shape): number[][][] {
  const g = shape.geometry;
  return g.type === 'Polygon' ? [g.arcs] : g.arcs;
}

/** Polygon `i` of a shape as GeoJSON coordinates, decoded on first use and cached. */
function decodedPolygon(atlas: AtlasIndex, shape: Shape, i: number): Position[][] {
  const id = `${shape.key}#${i}`;
  let rings = atlas.polygons.get(id);
  if (!rings) {
    const polygon: Polygon = { type: 'Polygon', arcs: polygonArcs(shape)[i] };
    rings = (feature(atlas.topology, polygon) as Feature<GeoPolygon>).geometry.coordinates;
    atlas.polygons.set(id, rings);
  }
  return rings;
}

/** Polygon `i` thinned to `step` degrees (cached); empty when it is too small to draw at this step. */
function thinnedPolygon(atlas: AtlasIndex, shape: Shape, i: number, step: number): Position[][] {
  if (step <= 0) return decodedPolygon(atlas, shape, i);
  const id = `${shape.key}#${i}@${step}`;
  let rings = atlas.simplified.get(id) as Position[][] | undefined;
  if (!rings) {
    const b = shape.polygonBounds[i];
    // An island under a step across is dust at this scale (it would be a dot or nothing).
    const dust = b[2] - b[0] < step && b[3] - b[1] < step;
    const [outer, ...holes] = dust ? [] : decodedPolygon(atlas, shape, i).map((ring) => thin(ring, step));
    // Without its outer ring a polygon's holes would draw as land: drop it whole.
    rings = outer && outer.length >= 4 ? [outer, ...holes.filter((ring) => ring.length >= 4)] : [];
    atlas.simplified.set(id, rings);
  }
  return rings;
}

/** Polygons with fewer points are drawn whole: cutting them would cost more than it saves. */
const CUT_FROM_POINTS = 200;

/**
 * Polygon rings cut to `cut` (a box that does not cross the antimeridian, west may be below -180 or
 * east above 180), when the polygon is big and reaches beyond it; otherwise as they are.
 */
function cutToBox(rings: Position[][], b: Bounds, cut: Bounds | undefined): Position[][] {
  if (!cut || rings.length === 0 || rings[0].length < CUT_FROM_POINTS) return rings;
  // A ring across ±180° is not a planar ring: leave it to d3, which cuts it on the sphere.
  if (b[0] > b[2] || lonSpan(b) >= 180) return rings;
  // Shift by a turn when the polygon lies across the box's far side of ±180°.
  const shift = b[2] < cut[0] ? 360 : b[0] > cut[2] ? -360 : 0;
  if (b[0] + shift >= cut[0] && b[2] + shift <= cut[2] && b[1] >= cut[1] && b[3] <= cut[3]) return rings;
  const box: Bounds = [cut[0] - shift, cut[1], cut[2] - shift, cut[3]];
  const [outer, ...holes] = rings.map((ring) => clipRingToBox(ring, box));
  return outer.length >= 4 ? [outer, ...holes.filter((ring) => ring.length >= 4)] : [];
}

/**
 * The polygons of a shape that meet `view`, thinned to `step` degrees (0: as stored) and, when `cut`
 * is given, big ones cut to that box; as a MultiPolygon, or null when none does. Only those polygons
 * are decoded.
 */
export function visiblePart(
  atlas: AtlasIndex,
  shape: Shape,
  view: Bounds,
  step = 0,
  cut?: Bounds,
): GeoMultiPolygon | null {
  if (!boundsIntersect(shape.bounds, view)) return null;
  const coordinates: Position[][][] = [];
  shape.polygonBounds.forEach((b, i) => {
    if (!boundsIntersect(b, view)) return;
    const rings = cutToBox(thinnedPolygon(atlas, shape, i, step), b, cut);
    if (rings.length > 0) coordinates.push(rings);
  });
  return coordinates.length > 0 ? { type: 'MultiPolygon', coordinates } : null;
}

/** The country borders that meet `view`, thinned to `step` degrees, as one MultiLineString. */
export function visibleBorders(
  atlas: AtlasIndex,
  view: Bounds,
  step = 0,
): { type: 'MultiLineString'; coordinates: Position[][] } {
  const lines: Position[][] = [];
  for (const { arc, bounds } of atlas.borderArcs) {
    if (!boundsIntersect(bounds, view)) continue;
    const id = `arc:${arc}@${step}`;
    let coordinates = atlas.simplified.get(id) as Position[] | undefined;
    if (!coordinates) {
      coordinates = thin(decodeArc(atlas.topology, arc), step);
      atlas.simplified.set(id, coordinates);
    }
    lines.push(coordinates);
  }
  return { type: 'MultiLineString', coordinates: lines };
}
