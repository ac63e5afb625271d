/** @module lib/kb/artifact — the compact KB file the extension ships (public/kb/kb.json.gz): encode and decode. */

import type { SerializedNameIndex } from './name-index';
import { decodeOfficials, type OfficialsSection, officialEntry, personOfRow } from './officials';
import type { KbEntry } from './types';

export const KB_FORMAT = 'backstory-kb/1';

/** The artifact's file name under public/kb/ (and /kb/ in the extension): gzipped JSON. */
export const KB_FILE_NAME = 'kb.json.gz';

/**
 * The shipped file. Most places (GeoNames towns, regions) are plain rows, stored column by column
 * with small lookup tables: this is a third of the size of an array of objects and decodes in tens of
 * ms. Everything else (countries with demonyms, curated places, actors) is kept verbatim in `entries`.
 */
export interface KbArtifact {
  format: typeof KB_FORMAT;
  /** Content hash of the rest of the file: same sources, same version. */
  version: string;
  counts: { places: number; people: number; organizations: number };
  /** Credits the data's licenses require (GeoNames CC BY 4.0, world-countries ODbL). */
  attribution: string[];
  subtypes: string[];
  countries: string[];
  sources: string[];
  /** Ids that table rows are part of. */
  parents: string[];
  /** Ids of the large cities table rows are near. */
  landmarks?: string[];
  table: PlaceTable;
  entries: KbEntry[];
  /** Government officials as compact rows (lib/kb/officials): a third of their size as entries. */
  officials?: OfficialsSection;
  /**
   * Everyday English words, folded (SCOWL sizes 10–35). A place or person whose name is one of
   * them ("Reading", "Split", "Republic") is recognized only with a cue.
   */
  everydayWords?: string[];
  /** Given names, folded (public-domain English first-name lists): "David" starts a person's name. */
  givenNames?: string[];
  /** The name index over the decoded entries, prebuilt (see `restoreNameIndex`). */
  nameIndex?: SerializedNameIndex;
}

/** The prebuilt name index an artifact carries, if any. */
export function nameIndexOf(json: unknown): SerializedNameIndex | undefined {
  return (json as Partial<KbArtifact> | null)?.nameIndex;
}

/** The word lists an artifact carries for recognition (empty lists in an artifact built without them). */
export function lexiconOf(json: unknown): Lexicon {
  const artifact = json as Partial<KbArtifact> | null;
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string') : [];
  return { everydayWords: strings(artifact?.everydayWords), givenNames: strings(artifact?.givenNames) };
}

/** Word lists that help recognition beyond the entries' names. */
export interface Lexicon {
  everydayWords: string[];
  givenNames: string[];
}

/** Column i of every array describes row i. */
export interface PlaceTable {
  id: string[];
  name: string[];
  /** Aliases joined with "|" ("" for none). */
  aliases: string[];
  /** Index into `subtypes`. */
  subtype: number[];
  /** Index into `countries`, -1 for none. */
  country: number[];
  /** Degrees × 10,000, integers. */
  lat: number[];
  lon: number[];
  /** 0 for none (a place with population 0 is stored verbatim). */
  population: number[];
  /** Prominence × 1,000, integers; -1 for none. */
  prominence: number[];
  /** Index into `parents`: the id of the region or country the place is part of; -1 for none. */
  parent: number[];
  /** Index into `sources`. */
  source: number[];
  /** Index into the artifact's `landmarks`: the nearest large city (see KbEntry.near); -1 for none. */
  near?: number[];
  /** Kilometres to it, integers. */
  nearKm?: number[];
}

const TABLE_FIELDS = new Set([
  'id',
  'kind',
  'subtype',
  'name',
  'aliases',
  'country',
  'lat',
  'lon',
  'population',
  'prominence',
  'relations',
  'near',
  'source',
]);
const SEP = '|';

function fixed(x: number, scale: number): boolean {
  return Math.round(x * scale) / scale === x;
}

// A place fits the table when every field survives the columns unchanged (exact round trip).
function fitsTable(e: KbEntry): boolean {
  if (e.kind !== 'place') return false;
  for (const [k, v] of Object.entries(e)) if (v !== undefined && !TABLE_FIELDS.has(k)) return false;
  if (e.lat === undefined || e.lon === undefined || !fixed(e.lat, 1e4) || !fixed(e.lon, 1e4)) return false;
  if (e.prominence !== undefined && !fixed(e.prominence, 1e3)) return false;
  if (e.population !== undefined && !(Number.isInteger(e.population) && e.population > 0)) return false;
  if (e.relations && (e.relations.length !== 1 || e.relations[0]?.type !== 'part-of')) return false;
  if (e.relations?.[0]?.target.includes(SEP)) return false;
  if (e.near && !Number.isInteger(e.near.km)) return false;
  if (e.name.includes(SEP) || e.aliases.some((a) => a.includes(SEP) || a === '')) return false;
  return true;
}

function indexer(): { table: string[]; index: (s: string) => number } {
  const table: string[] = [];
  const map = new Map<string, number>();
  return {
    table,
    index(s: string): number {
      let i = map.get(s);
      if (i === undefined) {
        i = table.length;
        table.push(s);
        map.set(s, i);
      }
      return i;
    },
  };
}

/** Counts entries by kind, as stored in the artifact header. */
export function countKinds(entries: readonly KbEntry[]): KbArtifact['counts'] {
  const counts = { places: 0, people: 0, organizations: 0 };
  for (const e of entries) {
    if (e.kind === 'place') counts.places++;
    else if (e.kind === 'person') counts.people++;
    else counts.organizations++;
  }
  return counts;
}

/**
 * Encodes entries as an artifact, keeping their order within rows and within verbatim entries.
 * `decodeKb(encodeKb(x))` gives back `x` up to order; `version` is left for the caller to fill.
 */
export function encodeKb(
  entries: readonly KbEntry[],
  attribution: string[] = [],
  version = '',
  officials?: OfficialsSection,
): KbArtifact {
  // An official is stored as a row only when the row words it back exactly.
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rows = (officials?.rows ?? []).filter((row) => {
    const entry = byId.get(row[0]);
    if (!entry || !officials) return false;
    const file = { ...officials.file, people: [] };
    const worded = officialEntry(personOfRow(row), row[0], officials.countryNames[row[3]] ?? row[3], file);
    return JSON.stringify(worded) === JSON.stringify(entry);
  });
  const asRow = new Set(rows.map((r) => r[0]));
  const subtypes = indexer();
  const countries = indexer();
  const sources = indexer();
  const parents = indexer();
  const landmarks = indexer();
  const table: Required<PlaceTable> = {
    id: [],
    name: [],
    aliases: [],
    subtype: [],
    country: [],
    lat: [],
    lon: [],
    population: [],
    prominence: [],
    parent: [],
    source: [],
    near: [],
    nearKm: [],
  };
  const verbatim: KbEntry[] = [];
  for (const e of entries) {
    if (asRow.has(e.id)) continue;
    if (!fitsTable(e)) {
      verbatim.push(e);
      continue;
    }
    table.id.push(e.id);
    table.name.push(e.name);
    table.aliases.push(e.aliases.join(SEP));
    table.subtype.push(subtypes.index(e.subtype));
    table.country.push(e.country === undefined ? -1 : countries.index(e.country));
    table.lat.push(Math.round((e.lat as number) * 1e4));
    table.lon.push(Math.round((e.lon as number) * 1e4));
    table.population.push(e.population ?? 0);
    table.prominence.push(e.prominence === undefined ? -1 : Math.round(e.prominence * 1e3));
    const target = e.relations?.[0]?.target;
    table.parent.push(target === undefined ? -1 : parents.index(target));
    table.source.push(sources.index(e.source));
    table.near.push(e.near ? landmarks.index(e.near.id) : -1);
    table.nearKm.push(e.near?.km ?? 0);
  }
  return {
    format: KB_FORMAT,
    version,
    counts: countKinds(entries),
    attribution,
    subtypes: subtypes.table,
    countries: countries.table,
    sources: sources.table,
    parents: parents.table,
    landmarks: landmarks.table,
    table,
    entries: verbatim,
    ...(officials && rows.length > 0 ? { officials: { ...officials, rows } } : {}),
  };
}

function isArtifact(json: unknown): json is KbArtifact {
  if (typeof json !== 'object' || json === null) return false;
  const a = json as Partial<KbArtifact>;
  return a.format === KB_FORMAT && typeof a.table === 'object' && Array.isArray(a.entries);
}

/**
 * Turns a parsed artifact back into entries: table rows first, then the verbatim entries.
 * Throws on a file of another format (an old or foreign file must not be half-read).
 */
export function decodeKb(json: unknown): KbEntry[] {
  if (!isArtifact(json)) throw new Error(`Not a ${KB_FORMAT} file`);
  const { table, subtypes, countries, sources, parents } = json;
  const landmarks = json.landmarks ?? [];
  const n = table.id.length;
  const out: KbEntry[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const aliases = table.aliases[i] as string;
    const e: KbEntry = {
      id: table.id[i] as string,
      kind: 'place',
      subtype: subtypes[table.subtype[i] as number] as string,
      name: table.name[i] as string,
      aliases: aliases === '' ? [] : aliases.split(SEP),
      lat: (table.lat[i] as number) / 1e4,
      lon: (table.lon[i] as number) / 1e4,
      source: sources[table.source[i] as number] as string,
    };
    const country = table.country[i] as number;
    if (country >= 0) e.country = countries[country];
    const population = table.population[i] as number;
    if (population > 0) e.population = population;
    const prominence = table.prominence[i] as number;
    if (prominence >= 0) e.prominence = prominence / 1e3;
    const parent = table.parent[i] as number;
    if (parent >= 0) e.relations = [{ type: 'part-of', target: parents[parent] as string }];
    const near = table.near?.[i] ?? -1;
    if (near >= 0) e.near = { id: landmarks[near] as string, km: table.nearKm?.[i] ?? 0 };
    out[i] = e;
  }
  for (const e of json.entries) out.push(e);
  if (json.officials) for (const e of decodeOfficials(json.officials)) out.push(e);
  return out;
}
