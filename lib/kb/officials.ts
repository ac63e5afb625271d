/**
 * @module lib/kb/officials — government officials of the Phoenix/PETRARCH2 dictionaries (data to 2014) as KB
 * entries. The artifact stores them as compact rows and this module words each row's role and facts, in the
 * build and when the artifact is read, so the file stays small.
 */

import { ofCountry } from '../country-name';
import type { Fact, KbEntry } from './types';

/** One dated code line of a person: a portfolio in a country's government from one date to another. */
export interface PhoenixStint {
  /** CAMEO sector after GOV ("MIL", "BUS" …), "" for the government itself. */
  portfolio: string;
  /** ISO "YYYY-MM". */
  from?: string;
  to?: string;
}

export interface PhoenixPerson {
  name: string;
  aliases: string[];
  /** ISO alpha-2. */
  country: string;
  stints: PhoenixStint[];
}

/** data/converted/phoenix-people.json. */
export interface PhoenixFile {
  source: string;
  license: string;
  asOf: string;
  people: PhoenixPerson[];
}

/** CAMEO sector codes as portfolios a reader knows. */
export const PORTFOLIOS: Readonly<Record<string, string>> = {
  '': '',
  AGR: 'agriculture',
  BUS: 'economy and finance',
  COP: 'police and interior',
  DEV: 'development',
  EDU: 'education',
  ENV: 'environment',
  HLH: 'health',
  HRI: 'human rights',
  JUD: 'justice',
  LAB: 'labour',
  LEG: 'legislative affairs',
  MED: 'information and media',
  MIL: 'defence',
  REF: 'refugees',
  REL: 'religious affairs',
  SPY: 'intelligence',
};

/** The latest stint: the open one, else the one that ended last. */
function latest(stints: PhoenixStint[]): PhoenixStint | undefined {
  return [...stints].sort((a, b) => ((a.to ?? '9999') < (b.to ?? '9999') ? -1 : 1)).at(-1);
}

function portfolioWords(p: PhoenixStint): string {
  const portfolio = PORTFOLIOS[p.portfolio];
  return portfolio ? ` (${portfolio})` : '';
}

/** A Phoenix person as a KB entry, worded as of the dictionaries' date. */
export function officialEntry(person: PhoenixPerson, id: string, countryName: string, file: PhoenixFile): KbEntry {
  const last = latest(person.stints);
  const years = (s: PhoenixStint) => {
    const from = s.from?.slice(0, 4);
    const to = s.to?.slice(0, 4);
    if (from && to) return from === to ? ` ${from}` : ` ${from}–${to}`;
    return from ? ` from ${from}` : '';
  };
  const facts: Fact[] = [];
  for (const s of person.stints) {
    const what = `a government post${portfolioWords(s)}`;
    if (s.from && !facts.some((f) => f.date === s.from))
      facts.push({ date: s.from, text: `Took ${what}`, source: file.source });
    if (s.to && !facts.some((f) => f.date === s.to))
      facts.push({ date: s.to, text: `Left ${what}`, source: file.source });
  }
  const entry: KbEntry = {
    id,
    kind: 'person',
    subtype: 'official',
    name: person.name,
    aliases: person.aliases,
    country: person.country,
    // The dictionaries code ministers, officials and envoys alike, and stop in 2014: the role says no more.
    role: last
      ? `Government official of ${ofCountry(countryName)}${portfolioWords(last)}${years(last) ? `,${years(last)}` : ''} (as of ${file.asOf.slice(0, 4)})`
      : `Government official of ${ofCountry(countryName)}`,
    prominence: 0.3,
    needsCountryCue: true,
    source: file.source,
    asOf: file.asOf,
  };
  if (facts.length > 0) entry.facts = facts;
  return entry;
}

/** One official as the artifact stores it: id, name, aliases joined by "|", country, stints "MIL,2006-11,;…". */
export type OfficialRow = [id: string, name: string, aliases: string, country: string, stints: string];

/** What the artifact keeps of the officials: the rows and what wording them needs. */
export interface OfficialsSection {
  file: Omit<PhoenixFile, 'people'>;
  /** The country names the build worded the roles with (ISO alpha-2 → name). */
  countryNames: Record<string, string>;
  rows: OfficialRow[];
}

export function officialRow(person: PhoenixPerson, id: string): OfficialRow {
  const stints = person.stints.map((s) => `${s.portfolio},${s.from ?? ''},${s.to ?? ''}`).join(';');
  return [id, person.name, person.aliases.join('|'), person.country, stints];
}

export function personOfRow(row: OfficialRow): PhoenixPerson {
  const [, name, aliases, country, stints] = row;
  return {
    name,
    aliases: aliases === '' ? [] : aliases.split('|'),
    country,
    stints:
      stints === ''
        ? []
        : stints.split(';').map((s) => {
            const [portfolio = '', from = '', to = ''] = s.split(',');
            const stint: PhoenixStint = { portfolio };
            if (from) stint.from = from;
            if (to) stint.to = to;
            return stint;
          }),
  };
}

/** The entries of an artifact's officials section. */
export function decodeOfficials(section: OfficialsSection): KbEntry[] {
  const file = { ...section.file, people: [] };
  return section.rows.map((row) =>
    officialEntry(personOfRow(row), row[0], section.countryNames[row[3]] ?? row[3], file),
  );
}
