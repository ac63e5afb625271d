/** @module lib/kb/build/merge — one entry per real place: curated entries merged into generated ones. */

import { distanceKm } from '../../geo/bounds';
import type { KbEntry, Relation } from '../types';
import { cachedFoldKey, unionAliases } from './names';

// Which generated places a curated entry of a subtype may be the same as. A curated border crossing
// named "Rafah" must never swallow the town of Rafah, so features have no class and merge only by id.
const MERGE_CLASS: Readonly<Record<string, 'admin' | 'settlement'>> = {
  country: 'admin',
  territory: 'admin',
  region: 'admin',
  area: 'admin',
  capital: 'settlement',
  city: 'settlement',
  town: 'settlement',
  district: 'settlement',
};
// How far apart two points may be and still be one place: centres of regions drawn from different
// sources differ by up to a few hundred km, those of towns by a few.
const RADIUS_KM = { admin: 300, settlement: 25 } as const;

function uniqueRelations(id: string, ...lists: (readonly Relation[] | undefined)[]): Relation[] {
  const seen = new Set<string>();
  const out: Relation[] = [];
  for (const list of lists) {
    for (const r of list ?? []) {
      const key = `${r.type} ${r.target}`;
      if (r.target === id || seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

/**
 * Merges `over` (curated) into `base` (generated): every field `over` defines wins; aliases, demonyms
 * and relations are united, and `base`'s own name becomes an alias when the names differ.
 */
export function mergeEntry(base: KbEntry, over: KbEntry): KbEntry {
  const out: KbEntry = { ...base };
  for (const [key, value] of Object.entries(over) as [keyof KbEntry, unknown][]) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  out.aliases = unionAliases(out.name, over.aliases, [base.name], base.aliases);
  if (base.demonyms || over.demonyms) out.demonyms = unionAliases('', over.demonyms, base.demonyms);
  const relations = uniqueRelations(out.id, over.relations, base.relations);
  if (relations.length > 0) out.relations = relations;
  else delete out.relations;
  return out;
}

export interface MergeResult {
  entries: KbEntry[];
  /** Ids that disappeared in a merge → the id of the entry that took them in. */
  redirects: Map<string, string>;
  /** For the report: which generated ids each curated entry took in. */
  merges: { into: string; from: string[] }[];
}

function mergeClass(e: KbEntry): 'admin' | 'settlement' | undefined {
  return e.kind === 'place' ? MERGE_CLASS[e.subtype] : undefined;
}

/** True when a generated place may be the same real place as a curated one (same class, country, nearby). */
function sameRealPlace(curated: KbEntry, generated: KbEntry): boolean {
  const cls = mergeClass(curated);
  if (!cls || mergeClass(generated) !== cls) return false;
  // Same country required: "Darién" names both the Darién Gap (no country) and a province of Panama.
  if (!curated.country || curated.country !== generated.country) return false;
  if (curated.lat === undefined || curated.lon === undefined) return false;
  if (generated.lat === undefined || generated.lon === undefined) return false;
  const d = distanceKm({ lat: curated.lat, lon: curated.lon }, { lat: generated.lat, lon: generated.lon });
  return d <= RADIUS_KM[cls];
}

/**
 * A generated entry without its relations when it belongs to another country than the curated entry
 * taking it in: the West Bank takes in GeoNames' "Judea and Samaria Area" (an Israeli district) but is
 * not part of Israel.
 */
function withoutForeignRelations(g: KbEntry, c: KbEntry): KbEntry {
  if (!g.relations || !c.country || !g.country || g.country === c.country) return g;
  const { relations: _dropped, ...rest } = g;
  return rest;
}

/**
 * Adds curated entries to generated ones. A curated entry with the id of a generated entry (or listing
 * it in `sameAs`) overrides it; one whose name or alias is the name of a generated place of the same class and country close by
 * takes that place in (its id wins, the place's names become aliases). Others are added as they are.
 */
export function mergeCurated(generated: readonly KbEntry[], curated: readonly KbEntry[]): MergeResult {
  const entries: (KbEntry | undefined)[] = [...generated];
  const byId = new Map<string, number>();
  const byName = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (!e) return;
    byId.set(e.id, i);
    if (!mergeClass(e)) return;
    const key = cachedFoldKey(e.name);
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  const redirects = new Map<string, string>();
  const merges: MergeResult['merges'] = [];
  const added: KbEntry[] = [];
  for (const c of curated) {
    const targets = new Set<number>();
    for (const id of [c.id, ...(c.sameAs ?? [])]) {
      const i = byId.get(id);
      if (i !== undefined && entries[i]) targets.add(i);
    }
    if (targets.size === 0 && c.kind === 'place') {
      for (const name of [c.name, ...(c.aliases ?? [])]) {
        for (const i of byName.get(cachedFoldKey(name)) ?? []) {
          const g = entries[i];
          if (g && sameRealPlace(c, g)) targets.add(i);
        }
      }
    }
    if (targets.size === 0) {
      added.push(c);
      continue;
    }
    const [first, ...rest] = [...targets].sort((a, b) => a - b);
    let merged = mergeEntry(withoutForeignRelations(entries[first as number] as KbEntry, c), c);
    const from: string[] = [];
    for (const i of [first as number, ...rest]) {
      const g = entries[i] as KbEntry;
      from.push(g.id);
      if (i !== first) {
        const relations = uniqueRelations(merged.id, merged.relations, withoutForeignRelations(g, c).relations);
        merged = { ...merged, aliases: unionAliases(merged.name, merged.aliases, [g.name], g.aliases) };
        if (relations.length > 0) merged.relations = relations;
        entries[i] = undefined;
      }
      if (g.id !== merged.id) redirects.set(g.id, merged.id);
      byId.delete(g.id);
    }
    entries[first as number] = merged;
    byId.set(merged.id, first as number);
    merges.push({ into: merged.id, from });
  }
  return { entries: [...entries.filter((e): e is KbEntry => e !== undefined), ...added], redirects, merges };
}

/** Points relations at the ids that survived merges (and other known synonyms such as `iso:IR` → `Q794`). */
export function redirectRelations(entries: readonly KbEntry[], redirects: ReadonlyMap<string, string>): KbEntry[] {
  return entries.map((e) => {
    if (!e.relations?.some((r) => redirects.has(r.target))) return e;
    const relations = uniqueRelations(
      e.id,
      e.relations.map((r) => ({ ...r, target: redirects.get(r.target) ?? r.target })),
    );
    const out: KbEntry = { ...e, relations };
    if (relations.length === 0) delete out.relations;
    return out;
  });
}
