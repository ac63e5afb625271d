/** @module lib/kb/build/geonames — GeoNames cities500 rows: parsing, the cut we ship, and their tier and subtype. */

import type { PlaceTier } from './prominence';

/** The columns of a GeoNames cities500 row that the build uses. */
export interface GeoNamesRow {
  geonameId: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  lat: number;
  lon: number;
  /** P.PPL, PPLA (first-level seat), PPLA2 … PPLA4, PPLC (capital), PPLX (section of a city) … */
  featureCode: string;
  countryCode: string;
  admin1: string;
  population: number;
}

/**
 * Parses one tab-separated line of cities500.txt (the GeoNames "geoname" table layout:
 * id, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1 … population …).
 * Returns undefined for a blank or short line.
 */
export function parseGeoNamesLine(line: string): GeoNamesRow | undefined {
  const f = line.split('\t');
  if (f.length < 15) return undefined;
  const geonameId = Number.parseInt(f[0] ?? '', 10);
  const lat = Number.parseFloat(f[4] ?? '');
  const lon = Number.parseFloat(f[5] ?? '');
  if (!Number.isFinite(geonameId) || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  const alternates = f[3] ?? '';
  return {
    geonameId,
    name: f[1] ?? '',
    asciiName: f[2] ?? '',
    alternateNames: alternates ? alternates.split(',') : [],
    lat,
    lon,
    featureCode: f[7] ?? '',
    countryCode: f[8] ?? '',
    admin1: f[10] ?? '',
    population: Number.parseInt(f[14] ?? '', 10) || 0,
  };
}

// Historical, abandoned, destroyed or religious populated places: not where news happens today.
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2']);

/** True for rows the KB ships: every capital and first/second-level seat, and towns of `minPopulation` or more. */
export function isShippedRow(row: GeoNamesRow, minPopulation: number): boolean {
  if (GONE.has(row.featureCode)) return false;
  return SEATS.has(row.featureCode) || row.population >= minPopulation;
}

/** The prominence tier of a city row; `isCapital` covers capitals that GeoNames codes as seats (territories). */
export function cityTier(row: GeoNamesRow, isCapital: boolean): PlaceTier {
  if (isCapital || row.featureCode === 'PPLC') return 'capital';
  if (row.featureCode === 'PPLA') return 'seat';
  if (row.featureCode === 'PPLA2') return 'seat2';
  return 'city';
}

/** capital; district for a section of a city (PPLX); city for seats and 100,000+; town otherwise. */
export function citySubtype(row: GeoNamesRow, isCapital: boolean): string {
  if (isCapital || row.featureCode === 'PPLC') return 'capital';
  if (row.featureCode === 'PPLX') return 'district';
  if (row.featureCode === 'PPLA' || row.population >= 100_000) return 'city';
  return 'town';
}

/** Rounds a coordinate to 4 decimals (about 11 m), the precision stored in the artifact. */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000 || 0; // no -0, which JSON would turn into 0
}

/** Running sums for the centre of many points, without keeping the points. */
export interface CentroidSum {
  n: number;
  lat: number;
  x: number;
  y: number;
}

/** An empty running sum. */
export function emptyCentroid(): CentroidSum {
  return { n: 0, lat: 0, x: 0, y: 0 };
}

/** Adds one point to a running sum. */
export function addPoint(sum: CentroidSum, lat: number, lon: number): void {
  sum.n++;
  sum.lat += lat;
  sum.x += Math.cos((lon * Math.PI) / 180);
  sum.y += Math.sin((lon * Math.PI) / 180);
}

/**
 * The centre of the points summed: mean latitude, circular mean longitude (so a region across the
 * 180° meridian, such as Chukotka, is not put in the middle of the map). Undefined for no points.
 */
export function centroidOf(sum: CentroidSum): { lat: number; lon: number } | undefined {
  if (sum.n === 0) return undefined;
  return { lat: round4(sum.lat / sum.n), lon: round4((Math.atan2(sum.y, sum.x) * 180) / Math.PI) };
}
