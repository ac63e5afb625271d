/** @module lib/panel/map-points — what the panel's map shows for an entry. */

import type { KbEntry } from '../kb/types';

export interface MapPoint {
  lat: number;
  lon: number;
  label: string;
}

export interface MapView {
  focus?: MapPoint;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  others: MapPoint[];
  /** The focus place's subtype (country, region, city…): how far the map zooms out. */
  subtype?: string;
}

function pointOf(entry: Pick<KbEntry, 'lat' | 'lon' | 'name'>): MapPoint | undefined {
  if (typeof entry.lat !== 'number' || typeof entry.lon !== 'number') return undefined;
  if (!Number.isFinite(entry.lat) || !Number.isFinite(entry.lon)) return undefined;
  return { lat: entry.lat, lon: entry.lon, label: entry.name };
}

/**
 * A place is the map's focus, in its country; an actor has no point of its own, so the map shows its country.
 * The article's other places with coordinates are the context (at most `maxOthers`, in the order given).
 * Undefined when there is nothing to draw.
 */
export function mapViewFor(
  entry: Pick<KbEntry, 'id' | 'kind' | 'subtype' | 'lat' | 'lon' | 'name' | 'country'>,
  articlePlaces: readonly Pick<KbEntry, 'id' | 'kind' | 'lat' | 'lon' | 'name'>[],
  maxOthers = 12,
): MapView | undefined {
  const focus = entry.kind === 'place' ? pointOf(entry) : undefined;
  // A country's own point is its centroid: the outline says more than a dot.
  const country = entry.country;
  const others: MapPoint[] = [];
  for (const place of articlePlaces) {
    if (others.length >= maxOthers) break;
    if (place.id === entry.id || place.kind !== 'place') continue;
    const point = pointOf(place);
    if (point) others.push(point);
  }
  if (!focus && !country) return undefined;
  return {
    ...(focus ? { focus, subtype: entry.subtype } : {}),
    ...(country ? { country } : {}),
    others,
  };
}
