/** @module lib/kb/build/cities — GeoNames towns and cities to KB entries. */

import type { KbEntry } from '../types';
import { citySubtype, cityTier, type GeoNamesRow, round4 } from './geonames';
import { cleanAliases, type WordFilter, withoutArabicArticle } from './names';
import { placeProminence } from './prominence';

export interface CityOptions {
  isBlocked?: WordFilter;
  /** Folded names that may not be aliases (countries' names: "Mexico" for Mexico City). */
  reserved?: ReadonlySet<string>;
  /** The town is its country's capital though GeoNames codes it as a seat (capitals of territories). */
  isCapital?: boolean;
  /** Also list spellings without the Arabic article ("Al Qāmishlī" → "Qāmishlī"). */
  arabic?: boolean;
  /** The id of the first-level region the town is in, if the KB has it. */
  regionId?: string;
}

/** The id of a GeoNames place. */
export function geonamesId(geonameId: number): string {
  return `gn:${geonameId}`;
}

/** One GeoNames town as a KB entry: cleaned alternate names, tier-based prominence, part of its region. */
export function cityEntry(row: GeoNamesRow, opts: CityOptions = {}): KbEntry {
  const isCapital = opts.isCapital ?? false;
  const alternates = [row.asciiName, ...row.alternateNames];
  if (opts.arabic) {
    for (const n of [row.name, ...alternates]) {
      const stripped = withoutArabicArticle(n);
      if (stripped) alternates.push(stripped);
    }
  }
  const entry: KbEntry = {
    id: geonamesId(row.geonameId),
    kind: 'place',
    subtype: citySubtype(row, isCapital),
    name: row.name,
    aliases: cleanAliases(row.name, alternates, { isBlocked: opts.isBlocked, reserved: opts.reserved, max: 16 }),
    country: row.countryCode,
    lat: round4(row.lat),
    lon: round4(row.lon),
    prominence: placeProminence(cityTier(row, isCapital), row.population),
    source: 'GeoNames cities500',
  };
  if (row.population > 0) entry.population = row.population;
  if (opts.regionId) entry.relations = [{ type: 'part-of', target: opts.regionId }];
  return entry;
}
