/** @module lib/kb/build/shadow — dropping gazetteer aliases that belong to another place or to none. */

import type { KbEntry } from '../types';
import { cachedFoldKey } from './names';

/** An alias listed for this many places but the name of none is noise (GeoNames gives 32 towns "Aebura"). */
export const MAX_SHARED_ALIAS = 6;

/**
 * Drops aliases that are the main name of a more prominent place (GeoNames lists "Washington" among the
 * names of Macomb, Illinois): a bare mention of that name means the other place, and the alias only
 * adds a wrong candidate. Also drops aliases that `MAX_SHARED_ALIAS` or more places list but none bears
 * as its name. Entries keep their own name; meant for generated entries, before curated ones are merged in.
 */
export function dropShadowedAliases(entries: readonly KbEntry[]): KbEntry[] {
  const best = new Map<string, { prominence: number; id: string }>();
  const aliasCount = new Map<string, number>();
  for (const e of entries) {
    const key = cachedFoldKey(e.name);
    const p = e.prominence ?? 0;
    const cur = best.get(key);
    if (!cur || p > cur.prominence) best.set(key, { prominence: p, id: e.id });
    for (const a of new Set(e.aliases.map(cachedFoldKey))) aliasCount.set(a, (aliasCount.get(a) ?? 0) + 1);
  }
  return entries.map((e) => {
    const p = e.prominence ?? 0;
    const aliases = e.aliases.filter((a) => {
      const key = cachedFoldKey(a);
      const owner = best.get(key);
      if (!owner) return (aliasCount.get(key) ?? 0) < MAX_SHARED_ALIAS;
      return owner.id === e.id || owner.prominence < p;
    });
    return aliases.length === e.aliases.length ? e : { ...e, aliases };
  });
}
