/** @module lib/kb/validate — schema checks and statistics for KB entries (used by `npm run kb:check`). */

import { foldKey } from '../text/fold';
import { qidOf } from './qid';
import { INVERSE_OF, isForward, storesInverse } from './relations';
import type { EntityKind, Relation, RelationType } from './types';

export interface Issue {
  /** note: harmless but untidy, such as an alias that folds to the name ("Kim Jong-un" beside "Kim Jong Un"). */
  level: 'error' | 'warning' | 'note';
  id: string;
  message: string;
  /** The curated file the entry comes from, when known. */
  origin?: string;
}

export interface CollisionStats {
  /** Folded names shared by two or more entries. */
  keys: number;
  /** The most shared names, most entries first. */
  top: { key: string; count: number; ids: string[] }[];
  /** Folded names shared by a person or organization and a place ("Jordan", "Hamas"?). */
  actorPlace: number;
  actorPlaceTop: { key: string; ids: string[] }[];
}

export interface KbReport {
  issues: Issue[];
  errors: number;
  warnings: number;
  notes: number;
  counts: { places: number; people: number; organizations: number };
  /** "kind/subtype" → count. */
  bySubtype: Record<string, number>;
  duplicateIds: string[];
  collisions: CollisionStats;
  coverage: Coverage;
}

/** How much of the knowledge base a reader finds filled in (the targets `kb:check` prints). */
export interface Coverage {
  countries: number;
  /** Countries and territories with a capital, a population, a head of state or government, and a description. */
  countriesComplete: number;
  unMembers: number;
  unMembersWithLeaders: number;
  places: number;
  /** Places with a written description, a profile (countries) or the line made from their gazetteer facts. */
  placesWithDescription: number;
  actors: number;
  people: number;
  actorsWithThreeFacts: number;
  actorsWithQid: number;
  relations: number;
  relationsResolved: number;
  /** Relations whose other side the build stores, and how many have it. */
  twoWay: number;
  twoWayResolved: number;
  /** Profile links (capitals, neighbours, office holders) that point at an entry of the KB. */
  profileLinks: number;
  profileLinksResolved: number;
}

const KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['place', 'person', 'organization']);
const RELATION_TYPES: ReadonlySet<string> = new Set(Object.keys(INVERSE_OF));
const FIELDS = new Set([
  'id',
  'kind',
  'subtype',
  'name',
  'aliases',
  'demonyms',
  'country',
  'lat',
  'lon',
  'population',
  'prominence',
  'role',
  'description',
  'facts',
  'relations',
  'asOf',
  'wikipedia',
  'sameAs',
  'profile',
  'near',
  'needsCountryCue',
  'qid',
  'source',
]);
// Wikidata QID, GeoNames id, GeoNames admin1 code, ISO country, or our own slug.
const ID_RE = /^(?:Q[1-9]\d*|gn:\d+|adm1:[A-Z]{2}\.[A-Za-z0-9]+|iso:[A-Z]{2}|bs:[a-z0-9]+(?:-[a-z0-9]+)*)$/;
const ISO_DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for an ISO date of the forms YYYY, YYYY-MM and YYYY-MM-DD that exists in the calendar. */
export function isIsoDate(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function stringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(nonEmptyString);
}

function inRange(v: unknown, lo: number, hi: number): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
}

type Problem = [level: Issue['level'], message: string];

/** The schema problems of one entry (parsed JSON of any shape). Does not look at other entries. */
export function checkEntry(value: unknown): Problem[] {
  const out: Problem[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [['error', 'not an object']];
  const e = value as Record<string, unknown>;
  if (!nonEmptyString(e.id) || /\s/.test(e.id)) out.push(['error', 'id must be a string without spaces']);
  else if (!ID_RE.test(e.id)) out.push(['warning', `id "${e.id}" is not a QID, gn:, adm1:, iso: or bs: id`]);
  if (!KINDS.has(e.kind as EntityKind))
    out.push(['error', `kind must be place, person or organization (got ${JSON.stringify(e.kind)})`]);
  if (!nonEmptyString(e.subtype)) out.push(['error', 'subtype is missing']);
  if (!nonEmptyString(e.name)) out.push(['error', 'name is missing']);
  if (!stringArray(e.aliases)) out.push(['error', 'aliases must be an array of non-empty strings']);
  else if (nonEmptyString(e.name)) {
    const keys = new Set([foldKey(e.name)]);
    for (const a of e.aliases) {
      const key = foldKey(a);
      if (keys.has(key)) out.push(['note', `alias "${a}" folds to the name or another alias`]);
      keys.add(key);
    }
  }
  if (e.sameAs !== undefined && !stringArray(e.sameAs)) out.push(['error', 'sameAs must be an array of ids']);
  if (e.demonyms !== undefined && !stringArray(e.demonyms)) out.push(['error', 'demonyms must be an array of strings']);
  if (e.country !== undefined && !(typeof e.country === 'string' && /^[A-Z]{2}$/.test(e.country))) {
    out.push(['error', `country must be an ISO 3166-1 alpha-2 code (got ${JSON.stringify(e.country)})`]);
  }
  if (e.kind === 'place' && (e.lat === undefined || e.lon === undefined))
    out.push(['error', 'a place needs lat and lon']);
  if (e.lat !== undefined && !inRange(e.lat, -90, 90))
    out.push(['error', `lat out of range: ${JSON.stringify(e.lat)}`]);
  if (e.lon !== undefined && !inRange(e.lon, -180, 180))
    out.push(['error', `lon out of range: ${JSON.stringify(e.lon)}`]);
  if (e.population !== undefined && !(Number.isInteger(e.population) && (e.population as number) >= 0)) {
    out.push(['error', 'population must be a non-negative integer']);
  }
  if (e.prominence !== undefined && !inRange(e.prominence, 0, 1)) out.push(['error', 'prominence must be in 0..1']);
  if (e.prominence === undefined && e.kind === 'place') out.push(['warning', 'place without prominence']);
  for (const field of ['role', 'description', 'wikipedia'] as const) {
    if (e[field] !== undefined && !nonEmptyString(e[field])) out.push(['error', `${field} must be a non-empty string`]);
  }
  if (nonEmptyString(e.wikipedia) && !/^https?:\/\//.test(e.wikipedia)) out.push(['warning', 'wikipedia is not a URL']);
  if (e.asOf !== undefined && !isIsoDate(e.asOf))
    out.push(['error', `asOf is not an ISO date: ${JSON.stringify(e.asOf)}`]);
  if (!nonEmptyString(e.source)) out.push(['error', 'source is missing']);
  if (e.facts !== undefined) {
    if (!Array.isArray(e.facts)) out.push(['error', 'facts must be an array']);
    else {
      e.facts.forEach((f: unknown, i: number) => {
        const fact = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
        if (!isIsoDate(fact.date))
          out.push(['error', `facts[${i}].date is not an ISO date: ${JSON.stringify(fact.date)}`]);
        if (!nonEmptyString(fact.text)) out.push(['error', `facts[${i}].text is missing`]);
        if (!nonEmptyString(fact.source)) out.push(['error', `facts[${i}].source is missing`]);
      });
    }
  }
  if (e.relations !== undefined) {
    if (!Array.isArray(e.relations)) out.push(['error', 'relations must be an array']);
    else {
      e.relations.forEach((r: unknown, i: number) => {
        const rel = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
        if (!RELATION_TYPES.has(rel.type as RelationType))
          out.push(['error', `relations[${i}].type ${JSON.stringify(rel.type)} is unknown`]);
        if (!nonEmptyString(rel.target)) out.push(['error', `relations[${i}].target is missing`]);
        else if (rel.target === e.id) out.push(['warning', `relations[${i}] points at the entry itself`]);
      });
    }
  }
  for (const k of Object.keys(e)) if (!FIELDS.has(k)) out.push(['warning', `unknown field "${k}"`]);
  return out;
}

function idOf(value: unknown): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '(no id)';
}

export interface ValidateOptions {
  /** id → file the entry was read from, named in its issues. */
  origins?: ReadonlyMap<string, string>;
  /** How many of the most shared names to list (default 10). */
  top?: number;
}

/**
 * Checks every entry and the KB as a whole: duplicate ids (error), relation targets that do not
 * exist (warning: actors may point at entries still to be written), and shared names (statistics).
 */
export function validateKb(entries: readonly unknown[], options: ValidateOptions = {}): KbReport {
  const { origins, top = 10 } = options;
  const issues: Issue[] = [];
  const add = (level: Issue['level'], id: string, message: string) => {
    const origin = origins?.get(id);
    issues.push(origin ? { level, id, message, origin } : { level, id, message });
  };
  const ids = new Map<string, number>();
  for (const value of entries) {
    const id = idOf(value);
    ids.set(id, (ids.get(id) ?? 0) + 1);
    for (const [level, message] of checkEntry(value)) add(level, id, message);
  }
  const duplicateIds = [...ids]
    .filter(([, n]) => n > 1)
    .map(([id]) => id)
    .sort();
  for (const id of duplicateIds) add('error', id, `id used by ${ids.get(id)} entries`);

  const counts = { places: 0, people: 0, organizations: 0 };
  const bySubtype: Record<string, number> = {};
  const holders = new Map<string, { ids: string[]; place: boolean; actor: boolean }>();
  for (const value of entries) {
    if (typeof value !== 'object' || value === null) continue;
    const e = value as Record<string, unknown>;
    const id = idOf(e);
    if (e.kind === 'place') counts.places++;
    else if (e.kind === 'person') counts.people++;
    else if (e.kind === 'organization') counts.organizations++;
    const label = `${String(e.kind)}/${String(e.subtype)}`;
    bySubtype[label] = (bySubtype[label] ?? 0) + 1;
    if (Array.isArray(e.relations)) {
      for (const r of e.relations as { target?: unknown }[]) {
        if (typeof r?.target === 'string' && !ids.has(r.target))
          add('warning', id, `relation target ${r.target} is not in the KB`);
      }
    }
    const names = [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])].filter(nonEmptyString);
    for (const key of new Set(names.map(foldKey))) {
      if (!key) continue;
      let h = holders.get(key);
      if (!h) {
        h = { ids: [], place: false, actor: false };
        holders.set(key, h);
      }
      h.ids.push(id);
      if (e.kind === 'place') h.place = true;
      else h.actor = true;
    }
  }
  const shared = [...holders].filter(([, h]) => h.ids.length > 1);
  shared.sort((a, b) => b[1].ids.length - a[1].ids.length || (a[0] < b[0] ? -1 : 1));
  const mixed = shared.filter(([, h]) => h.place && h.actor);
  const collisions: CollisionStats = {
    keys: shared.length,
    top: shared.slice(0, top).map(([key, h]) => ({ key, count: h.ids.length, ids: h.ids.slice(0, 5) })),
    actorPlace: mixed.length,
    actorPlaceTop: mixed.slice(0, top).map(([key, h]) => ({ key, ids: h.ids.slice(0, 5) })),
  };
  // One QID, one entry: a QID on two entries means two entries for one real thing.
  const qidOwners = new Map<string, string>();
  for (const value of entries) {
    const e = value as { id?: unknown; qid?: unknown } | null;
    const id = idOf(e);
    const qid = qidOf({ id, qid: typeof e?.qid === 'string' ? e.qid : undefined });
    if (!qid) continue;
    const owner = qidOwners.get(qid);
    if (owner && owner !== id) add('error', id, `QID ${qid} is also ${owner}'s`);
    else qidOwners.set(qid, id);
  }
  const coverage = coverageOf(entries, ids, add);
  const errors = issues.filter((i) => i.level === 'error').length;
  const warnings = issues.filter((i) => i.level === 'warning').length;
  const notes = issues.length - errors - warnings;
  return { issues, errors, warnings, notes, counts, bySubtype, duplicateIds, collisions, coverage };
}

type ProfileLike = {
  capitals?: { id?: string }[];
  borders?: { id?: string }[];
  headOfState?: { id?: string }[];
  headOfGovernment?: { id?: string }[];
  population?: number;
};

/** Coverage counts; a profile link to a missing entry is an error (the card would offer a dead link). */
function coverageOf(
  entries: readonly unknown[],
  ids: ReadonlyMap<string, number>,
  add: (level: Issue['level'], id: string, message: string) => void,
): Coverage {
  const relationsOf = new Map<string, Relation[]>();
  for (const value of entries) {
    const e = value as { relations?: unknown } | null;
    if (e && Array.isArray(e.relations)) relationsOf.set(idOf(e), e.relations as Relation[]);
  }
  const c: Coverage = {
    countries: 0,
    countriesComplete: 0,
    unMembers: 0,
    unMembersWithLeaders: 0,
    places: 0,
    placesWithDescription: 0,
    actors: 0,
    people: 0,
    actorsWithThreeFacts: 0,
    actorsWithQid: 0,
    relations: 0,
    relationsResolved: 0,
    twoWay: 0,
    twoWayResolved: 0,
    profileLinks: 0,
    profileLinksResolved: 0,
  };
  for (const value of entries) {
    if (typeof value !== 'object' || value === null) continue;
    const e = value as Record<string, unknown>;
    const id = idOf(e);
    if (e.kind === 'place') {
      c.places++;
      // Every place but a country gets a line from its gazetteer facts (lib/kb/place-line); countries a profile.
      const located = e.subtype !== 'country' && e.subtype !== 'territory' && nonEmptyString(e.country);
      if (nonEmptyString(e.description) || located || e.profile) c.placesWithDescription++;
    } else {
      c.actors++;
      if (e.kind === 'person') c.people++;
      if (Array.isArray(e.facts) && e.facts.length >= 3) c.actorsWithThreeFacts++;
      if (qidOf({ id, qid: typeof e.qid === 'string' ? e.qid : undefined })) c.actorsWithQid++;
    }
    for (const r of Array.isArray(e.relations) ? (e.relations as Relation[]) : []) {
      c.relations++;
      if (typeof r?.target !== 'string' || !ids.has(r.target)) continue;
      c.relationsResolved++;
      if (!isForward(r.type) || !storesInverse({ id }, r)) continue;
      c.twoWay++;
      const other = relationsOf.get(r.target);
      if (other?.some((o) => o.type === INVERSE_OF[r.type] && o.target === id)) c.twoWayResolved++;
      else add('warning', id, `relation ${r.type} ${r.target} has no ${INVERSE_OF[r.type]} on its target`);
    }
    if (e.subtype === 'country' || e.subtype === 'territory') {
      c.countries++;
      const p = (e.profile ?? {}) as ProfileLike & { unMember?: boolean };
      const leaders = (p.headOfState?.length ?? 0) + (p.headOfGovernment?.length ?? 0) > 0;
      if ((p.capitals?.length ?? 0) > 0 && p.population && leaders && nonEmptyString(e.description)) {
        c.countriesComplete++;
      }
      if (p.unMember) {
        c.unMembers++;
        if (leaders) c.unMembersWithLeaders++;
      }
      const links = [
        ...(p.capitals ?? []),
        ...(p.borders ?? []),
        ...(p.headOfState ?? []),
        ...(p.headOfGovernment ?? []),
      ];
      for (const link of links) {
        if (!link.id) continue;
        c.profileLinks++;
        if (ids.has(link.id)) c.profileLinksResolved++;
        else add('error', id, `profile links to ${link.id}, which is not in the KB`);
      }
    }
  }
  return c;
}
