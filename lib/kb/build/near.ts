/**
 * @module lib/kb/build/near — for each place, the nearest large city of its country: what a reader needs to
 * picture a town ("30 km NE of Kharkiv"). Stored on the entry as `near`; the words are made at display time.
 */

import { distanceKm } from '../../geo/bounds';
import type { KbEntry } from '../types';

/** A city this large (or a capital) is a landmark readers know. */
export const LANDMARK_POPULATION = 100_000;
/** Farther than this, "near" says nothing useful. */
export const MAX_NEAR_KM = 150;

const NOT_LOCATED = new Set(['country', 'territory', 'region', 'continent', 'ocean', 'sea']);

function isLandmark(e: KbEntry): boolean {
  return e.subtype === 'capital' || (e.population ?? 0) >= LANDMARK_POPULATION;
}

/** Places with `near` set to the closest landmark city of the same country within MAX_NEAR_KM. */
export function withNearestCities(entries: readonly KbEntry[]): KbEntry[] {
  const landmarks = new Map<string, KbEntry[]>();
  for (const e of entries) {
    if (e.kind !== 'place' || !e.country || e.lat === undefined || e.lon === undefined || NOT_LOCATED.has(e.subtype)) {
      continue;
    }
    if (!isLandmark(e)) continue;
    landmarks.set(e.country, [...(landmarks.get(e.country) ?? []), e]);
  }
  return entries.map((e) => {
    if (e.kind !== 'place' || !e.country || e.lat === undefined || e.lon === undefined) return e;
    if (NOT_LOCATED.has(e.subtype) || isLandmark(e)) return e;
    let best: KbEntry | undefined;
    let bestKm = MAX_NEAR_KM;
    for (const l of landmarks.get(e.country) ?? []) {
      if (l.id === e.id || l.name === e.name) continue;
      const km = distanceKm({ lat: e.lat, lon: e.lon }, { lat: l.lat as number, lon: l.lon as number });
      if (km < bestKm) {
        best = l;
        bestKm = km;
      }
    }
    return best ? { ...e, near: { id: best.id, km: Math.round(bestKm) } } : e;
  });
}
