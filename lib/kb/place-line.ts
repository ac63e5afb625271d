/**
 * @module lib/kb/place-line — the line that says where a place is, made from its gazetteer facts: "Town in
 * Kharkiv Oblast, Ukraine, 30 km NE of Kharkiv · pop. 12,000 (GeoNames)". Written by us from data, never copied.
 */

import { countryName } from '../country-name';
import { distanceKm } from '../geo/bounds';
import type { KbEntry } from './types';

/** Names of the entries a place points to, as the caller can look them up (index or IndexedDB). */
export interface PlaceLineNames {
  /** The region the place is part of. */
  region?: Pick<KbEntry, 'name'> & Partial<Pick<KbEntry, 'subtype'>>;
  /** The large city it is near (`entry.near`). */
  near?: Pick<KbEntry, 'name'> & Partial<Pick<KbEntry, 'lat' | 'lon'>>;
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;

/** The 8-point compass direction from `from` to `to`. */
export function compassDirection(from: { lat: number; lon: number }, to: { lat: number; lon: number }): string {
  const rad = Math.PI / 180;
  const y = Math.sin((to.lon - from.lon) * rad) * Math.cos(to.lat * rad);
  const x =
    Math.cos(from.lat * rad) * Math.sin(to.lat * rad) -
    Math.sin(from.lat * rad) * Math.cos(to.lat * rad) * Math.cos((to.lon - from.lon) * rad);
  const bearing = (Math.atan2(y, x) / rad + 360) % 360;
  return COMPASS[Math.round(bearing / 45) % 8] as string;
}

function kindWord(subtype: string): string {
  const word = subtype.replace(/-/g, ' ');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Where a place is, in one line; undefined for countries (their profile says more) and for entries that are
 * not places. Population is shown with its source when the gazetteer gives one.
 */
export function placeLine(entry: KbEntry, names: PlaceLineNames = {}): string | undefined {
  if (entry.kind !== 'place' || entry.profile || entry.subtype === 'country' || entry.subtype === 'territory') {
    return undefined;
  }
  const where: string[] = [];
  // A region that is the country itself (a first-level region's parent) is said once, as the country.
  const region =
    names.region?.subtype === 'country' || names.region?.subtype === 'territory' ? undefined : names.region?.name;
  if (region && region !== entry.name) where.push(region);
  if (entry.country) where.push(countryName(entry.country));
  let line = kindWord(entry.subtype) + (where.length > 0 ? ` in ${where.join(', ')}` : '');
  const near = names.near;
  if (
    entry.near &&
    near?.lat !== undefined &&
    near.lon !== undefined &&
    entry.lat !== undefined &&
    entry.lon !== undefined
  ) {
    const km =
      entry.near.km || Math.round(distanceKm({ lat: entry.lat, lon: entry.lon }, { lat: near.lat, lon: near.lon }));
    line +=
      km < 2
        ? `, next to ${near.name}`
        : `, ${km} km ${compassDirection(near as { lat: number; lon: number }, entry as { lat: number; lon: number })} of ${near.name}`;
  }
  if (entry.population) {
    const source = /geonames/i.test(entry.source) ? ' (GeoNames)' : '';
    line += ` · pop. ${entry.population.toLocaleString('en-US')}${source}`;
  }
  return line;
}

/** The region a place is part of: the target of its `part-of` relation. */
export function regionIdOf(entry: Pick<KbEntry, 'relations'>): string | undefined {
  return entry.relations?.find((r) => r.type === 'part-of')?.target;
}
