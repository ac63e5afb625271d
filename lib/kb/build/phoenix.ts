/**
 * @module lib/kb/build/phoenix — people of the Phoenix/PETRARCH2 actor dictionaries (MIT): government members
 * with dated portfolio codes, up to 2014. Read from the TABARI dictionary format; turned into person entries
 * that link only in an article about their country (their names are often shared).
 */

import { foldedWords } from '../../text/fold';
import {
  type OfficialRow,
  officialEntry,
  officialRow,
  type PhoenixFile,
  type PhoenixPerson,
  type PhoenixStint,
  PORTFOLIOS,
} from '../officials';
import type { KbEntry } from '../types';
import { slugOf } from './names';

export type { PhoenixFile, PhoenixPerson, PhoenixStint };

const TITLE_WORDS = new Set(
  (
    'president premier prime minister chancellor king queen emir sultan secretary general foreign defense defence ' +
    'finance interior minister ministre ministro mr mrs ms dr gen general colonel col lt sheikh shaikh prince ' +
    'kanzler bundeskanzler chairman leader deputy vice governor mayor ambassador envoy spokesman spokeswoman'
  ).split(' '),
);
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'de',
  'da',
  'dos',
  'das',
  'del',
  'der',
  'van',
  'von',
  'la',
  'le',
  'du',
  'y',
]);

/** "ANGELA_DOROTHEA_MERKEL_" → "Angela Dorothea Merkel", "BASHAR_AL-ASSAD" → "Bashar al-Assad", "O'NEILL" → "O'Neill". */
export function phoenixName(raw: string): string {
  const parts = raw
    .replace(/_+$/, '')
    .split('_')
    .filter(Boolean)
    .map((word) => word.toLowerCase().split('-'));
  return parts
    .map((word, i) =>
      word
        .map((part, j) =>
          (i > 0 || j > 0) && PARTICLES.has(part)
            ? part
            : part.replace(/(^|')(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase()),
        )
        .join('-'),
    )
    .join(' ');
}

/** A name readers would write: two to five words, no title, no digits. */
export function isReadableName(name: string): boolean {
  const words = foldedWords(name);
  if (words.length < 2 || words.length > 5 || /\d/.test(name)) return false;
  return !words.some((w) => TITLE_WORDS.has(w));
}

/** "051122" → "2005-11"; two-digit years up to 30 are 20xx (the dictionaries end in 2014). */
export function phoenixDate(raw: string): string | undefined {
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m?.[1] || !m[2]) return undefined;
  const y = m[1].length === 4 ? Number(m[1]) : Number(m[1]) <= 30 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return `${y}-${m[2]}`;
}

/** "[DEUGOVMIL 051122-090101]" → the stint; undefined for codes that are not a government post. */
export function parseStint(code: string, iso3: string): PhoenixStint | undefined {
  const m = /^\[([A-Z]{3})GOV([A-Z]{0,3})\s*([<>]?)(\d{6,8})?(?:-(\d{6,8}))?\]$/.exec(code.trim());
  if (!m || m[1] !== iso3 || !((m[2] ?? '') in PORTFOLIOS)) return undefined;
  const stint: PhoenixStint = { portfolio: m[2] ?? '' };
  const first = m[4] ? phoenixDate(m[4]) : undefined;
  const second = m[5] ? phoenixDate(m[5]) : undefined;
  if (m[3] === '<') {
    if (first) stint.to = first;
  } else {
    if (first) stint.from = first;
    if (second) stint.to = second;
  }
  return stint;
}

/**
 * The people of a Phoenix actors dictionary: blocks whose comment names CountryInfo and whose codes are
 * government posts of one country. `iso2Of` maps CAMEO country codes (ISO alpha-3 for current states).
 */
export function parsePhoenixPeople(text: string, iso2Of: (iso3: string) => string | undefined): PhoenixPerson[] {
  const people: PhoenixPerson[] = [];
  let block: { name: string; person: boolean; aliases: string[]; codes: string[] } | undefined;
  const flush = () => {
    if (!block?.person) return;
    const countries = new Set(block.codes.map((c) => /^\[([A-Z]{3})/.exec(c.trim())?.[1]).filter(Boolean) as string[]);
    const iso3 = [...countries].find((c) => block?.codes.some((code) => parseStint(code, c)));
    const country = iso3 ? iso2Of(iso3) : undefined;
    if (!iso3 || !country) return;
    const stints = block.codes.flatMap((c) => parseStint(c, iso3) ?? []);
    const name = phoenixName(block.name);
    if (!isReadableName(name)) return;
    const aliases = [...new Set(block.aliases.map(phoenixName))].filter((a) => a !== name && isReadableName(a));
    people.push({ name, aliases, country, stints });
  };
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      block?.codes.push(line.trim());
    } else if (line.startsWith('+')) {
      block?.aliases.push(line.slice(1).trim().split(/\s/)[0] ?? '');
    } else {
      flush();
      const [head = '', comment = ''] = line.split('#');
      block = { name: head.trim().split(/\s/)[0] ?? '', person: /countryinfo/i.test(comment), aliases: [], codes: [] };
    }
  }
  flush();
  return people;
}

/**
 * The Phoenix people the knowledge base does not have yet, as entries: a person already there (same country,
 * same name by `isSame`) is left as it is, and so is a name that is a place's name (a reader's "Santa Cruz").
 */
export function phoenixEntries(
  file: PhoenixFile,
  existing: readonly KbEntry[],
  options: {
    countryName: (code: string) => string;
    isSame: (person: KbEntry, name: string) => boolean;
    placeKeys: ReadonlySet<string>;
  },
): { entries: KbEntry[]; rows: OfficialRow[] } {
  const byCountry = new Map<string, KbEntry[]>();
  for (const e of existing) {
    if (e.kind !== 'person' || !e.country) continue;
    byCountry.set(e.country, [...(byCountry.get(e.country) ?? []), e]);
  }
  const ids = new Set(existing.map((e) => e.id));
  const out: KbEntry[] = [];
  const rows: OfficialRow[] = [];
  for (const person of file.people) {
    const key = foldedWords(person.name).join(' ');
    if (options.placeKeys.has(key)) continue;
    if ((byCountry.get(person.country) ?? []).some((p) => options.isSame(p, person.name))) continue;
    let id = `bs:${slugOf(person.name)}-${person.country.toLowerCase()}`;
    for (let n = 2; ids.has(id); n++) id = id.replace(/(?:-\d+)?$/, `-${n}`);
    ids.add(id);
    const entry = officialEntry(person, id, options.countryName(person.country), file);
    out.push(entry);
    rows.push(officialRow(person, id));
    byCountry.set(person.country, [...(byCountry.get(person.country) ?? []), entry]);
  }
  return { entries: out, rows };
}
