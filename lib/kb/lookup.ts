/** @module lib/kb/lookup — one name → the entry the linker would choose for it alone, as `kb:lookup` prints it. */

import { analyzeText } from '../analyze';
import { readableAliases } from '../panel/entity-facts';
import { foldKey } from '../text/fold';
import { entryById, type NameIndex, positionsOf } from './name-index';
import { placeLine, regionIdOf } from './place-line';
import { qidOf } from './qid';
import { INVERSE_OF, isForward, storesInverse } from './relations';
import type { KbEntry, OfficeTerm, ProfileLink } from './types';

/** A relation seen from the entry: `out` is the entry's own, `in` is another entry's pointing at it. */
export interface LookupRelation {
  type: string;
  direction: 'out' | 'in';
  id: string;
  name: string | null;
}

export interface LookupProfile {
  capital: string | null;
  capitalId: string | null;
  capitals: ProfileLink[];
  region: string | null;
  population: number | null;
  populationYear: number | null;
  area: number | null;
  languages: string[];
  currencies: string[];
  borders: ProfileLink[];
  headOfState: OfficeTerm[];
  headOfGovernment: OfficeTerm[];
  governmentType: string | null;
  legislature: string | null;
  asOf: string | null;
  sources: string[];
}

export interface LookupEntry {
  found: true;
  id: string;
  kind: string;
  subtype: string;
  name: string;
  description: string | null;
  country: string | null;
  role: string | null;
  asOf: string | null;
  source: string;
  aliases: string[];
  qid: string | null;
  facts: { date: string; text: string; source: string }[];
  relations: LookupRelation[];
  lat?: number;
  lon?: number;
  profile?: LookupProfile;
}

/**
 * Relations pointing at each entry whose other side the build does not store (a GeoNames town part of its
 * region), built once per index: target id → [source position, type].
 */
export type InverseRelations = Map<string, [number, string][]>;

export function inverseRelations(index: NameIndex): InverseRelations {
  const inverse: InverseRelations = new Map();
  index.entries.forEach((e, position) => {
    for (const r of e.relations ?? []) {
      if (storesInverse(e, r)) continue;
      const list = inverse.get(r.target) ?? [];
      list.push([position, r.type]);
      inverse.set(r.target, list);
    }
  });
  return inverse;
}

/**
 * The entry for `name` read alone: the linker's choice when it links the name, else the most prominent
 * entry whose name or alias folds to it (a bare everyday word the linker leaves alone still has an entry),
 * never one that waits for its country to be named.
 */
export function chooseEntry(name: string, index: NameIndex): KbEntry | undefined {
  const text = name.trim();
  if (!text) return undefined;
  const mentions = analyzeText(text, index).filter((m) => m.entityId);
  const whole = mentions.find((m) => m.start === 0 && m.end === text.length);
  const best = whole ?? [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  const linked = entryById(index, best?.entityId);
  if (linked && (whole || (best && best.end - best.start >= text.length * 0.6))) return linked;
  const positions = [...(positionsOf(index.byKey, foldKey(text)) ?? []), ...(positionsOf(index.byAcronym, text) ?? [])];
  // An entry that needs its country named is not chosen for a name read alone, as in an article.
  const candidates = positions
    .map((p) => index.entries[p])
    .filter((e): e is KbEntry => e !== undefined && !e.needsCountryCue);
  candidates.sort((a, b) => (b.prominence ?? 0) - (a.prominence ?? 0) || (a.id < b.id ? -1 : 1));
  return candidates[0];
}

function profileOf(entry: KbEntry): LookupProfile | undefined {
  const p = entry.profile;
  if (!p) return undefined;
  return {
    capital: p.capitals[0]?.name ?? null,
    capitalId: p.capitals[0]?.id ?? null,
    capitals: p.capitals,
    region: p.region ?? null,
    population: p.population ?? null,
    populationYear: p.populationYear ?? null,
    area: p.area ?? null,
    languages: p.languages,
    currencies: p.currencies,
    borders: p.borders,
    headOfState: p.headOfState,
    headOfGovernment: p.headOfGovernment,
    governmentType: p.governmentType ?? null,
    legislature: p.legislature ?? null,
    asOf: p.asOf ?? null,
    sources: p.sources,
  };
}

/** What the panel shows for `entry`, with its relations in both directions. */
export function describeEntry(entry: KbEntry, index: NameIndex, inverse: InverseRelations): LookupEntry {
  const entryOf = (id: string | undefined) => entryById(index, id);
  const nameOf = (id: string) => entryOf(id)?.name ?? null;
  // A stored other side ("led-by X") reads as X's relation pointing here: {type: "leads", direction: "in"}.
  const relations: LookupRelation[] = (entry.relations ?? []).map((r) => ({
    type: isForward(r.type) ? r.type : INVERSE_OF[r.type],
    direction: isForward(r.type) ? 'out' : 'in',
    id: r.target,
    name: nameOf(r.target),
  }));
  for (const [position, type] of inverse.get(entry.id) ?? []) {
    const from = index.entries[position];
    if (from) relations.push({ type, direction: 'in', id: from.id, name: from.name });
  }
  const out: LookupEntry = {
    found: true,
    id: entry.id,
    kind: entry.kind,
    subtype: entry.subtype,
    name: entry.name,
    description:
      entry.description ??
      placeLine(entry, { region: entryOf(regionIdOf(entry)), near: entryOf(entry.near?.id) }) ??
      null,
    country: entry.country ?? null,
    role: entry.role ?? null,
    asOf: entry.asOf ?? entry.profile?.asOf ?? null,
    source: entry.source,
    aliases: readableAliases(entry, 24),
    qid: qidOf(entry) ?? null,
    facts: [...(entry.facts ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
    relations,
  };
  if (entry.lat !== undefined && entry.lon !== undefined) {
    out.lat = entry.lat;
    out.lon = entry.lon;
  }
  const profile = profileOf(entry);
  if (profile) out.profile = profile;
  return out;
}

/** `kb:lookup` for one name: the chosen entry described, or `{found: false}`. */
export function lookupName(name: string, index: NameIndex, inverse: InverseRelations): LookupEntry | { found: false } {
  const entry = chooseEntry(name, index);
  return entry ? describeEntry(entry, index, inverse) : { found: false };
}
