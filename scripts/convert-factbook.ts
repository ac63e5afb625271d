/**
 * scripts/convert-factbook — extracts country facts from the CIA World Factbook (public domain, data as of
 * 2026-01-22) into data/countries/factbook.json: capitals, population with its year, government type, chief
 * of state and head of government with since-dates, legislature, armed forces. Facts only, no prose.
 * A developer's tool: the build reads the JSON it writes, never the source folder.
 *
 *   npx tsx scripts/convert-factbook.ts --source DIR [--history DIR] [--out data/countries/factbook.json]
 * DIR is a copy of the factbook.json repository's data (one folder per region, <gec>.json files) with the
 * GEC → ISO lookup table fips_to_iso2.csv beside them. --history DIR holds the weekly leader changes of the
 * factbook.json repository's git history (factbook-json-leaders-weekly.jsonl) and the yearly editions
 * (factbook-history-2015-2025.jsonl): it writes data/countries/factbook-leaders.json, the terms of office since 2015.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { WorldCountry } from '../lib/kb/build/countries';
import {
  type FactbookCountry,
  legislatureLabel,
  parseArmedForces,
  parseCapitals,
  parseEstimate,
  parseGovernmentType,
  parseOfficeHolders,
} from '../lib/kb/build/factbook';
import { type Office, type OfficeSnapshot, officeTerms } from '../lib/kb/build/leader-history';
import { foldKey } from '../lib/text/fold';
import { ROOT, worldCountries } from './build-kb';
import { requiredArg, writeConverted } from './lib/convert';

export const FACTBOOK_AS_OF = '2026-01-22';
/** Cited on every entry and fact; the full credit is in data/README.md and the artifact's attribution. */
export const FACTBOOK_SOURCE = 'CIA World Factbook';

/**
 * GEC → ISO alpha-2. The Factbook's lookup tables map dependencies to their sovereign's code (Guernsey → GB,
 * Coral Sea Islands → AU): a table code that no other file shares is taken, and a shared one is replaced by
 * the world-countries record of the file's name (Guernsey → GG), or dropped.
 */
function gecToIso(sourceDir: string, countries: readonly WorldCountry[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const c of countries) {
    for (const name of [c.name.common, c.name.official, ...c.altSpellings]) {
      const key = foldKey(name);
      if (key && !byName.has(key)) byName.set(key, c.cca2);
    }
  }
  const csvRows = (file: string) =>
    readFileSync(join(sourceDir, file), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(','));
  const master = csvRows('master_countries.csv');
  const tableIso = new Map(csvRows('fips_to_iso2.csv').map(([fips = '', iso = '']) => [fips.toLowerCase(), iso]));
  const shared = new Map<string, number>();
  for (const iso of tableIso.values()) if (iso) shared.set(iso, (shared.get(iso) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const [, gec = '', name = ''] of master) {
    const plainName = name.replace(/\s*\(.*\)\s*/g, ' ').trim();
    const inBrackets = /\(([^)]*)\)/.exec(name)?.[1] ?? '';
    const table = tableIso.get(gec.toLowerCase());
    const iso =
      table && shared.get(table) === 1
        ? table
        : (byName.get(foldKey(name)) ??
          byName.get(foldKey(plainName)) ??
          (inBrackets ? byName.get(foldKey(inBrackets)) : undefined));
    if (iso && /^[A-Z]{2}$/.test(iso)) out.set(gec.toLowerCase(), iso);
  }
  return out;
}

type Field = { text?: string; [sub: string]: unknown };
type FactbookFile = Record<string, Record<string, Field | undefined> | undefined>;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The field's text with its HTML decoded: line breaks become "; ", entities become characters. */
function plain(html: unknown): string | undefined {
  if (typeof html !== 'string') return undefined;
  const { document } = parseHTML(
    `<!doctype html><html><body><div>${html.replace(/<br\s*\/?>/gi, '; ')}</div></body></html>`,
  );
  const text = document.querySelector('div')?.textContent ?? '';
  return (
    text
      .replace(/\s+/g, ' ')
      .replace(/(?:\s*;\s*){2,}/g, '; ')
      .replace(/^[\s;]+|[\s;]+$/g, '') || undefined
  );
}

function sub(field: Field | undefined, key: string): string | undefined {
  const value = field?.[key] as Field | undefined;
  return plain(value?.text);
}

/** One Factbook file → its country record. */
export function readCountry(data: FactbookFile, gec: string, code: string): FactbookCountry {
  const gov = data.Government ?? {};
  const people = data['People and Society'] ?? {};
  const military = data['Military and Security'] ?? {};
  const exec = gov['Executive branch'];
  const population = people.Population;
  const populationText = sub(population, 'total') ?? plain(population?.text);
  const estimate = populationText ? parseEstimate(populationText) : undefined;
  const capital = sub(gov.Capital, 'name');
  const governmentType = plain(gov['Government type']?.text);
  const forces = plain(military['Military and security forces']?.text);
  const armed = forces ? parseArmedForces(forces) : undefined;
  const chambers = [
    sub(gov['Legislative branch - upper chamber'], 'chamber name'),
    sub(gov['Legislative branch - lower chamber'], 'chamber name'),
  ].filter((c): c is string => Boolean(c));
  const legislature = legislatureLabel(sub(gov['Legislative branch'], 'legislature name'), chambers);
  const record: FactbookCountry = {
    code,
    gec,
    capitals: capital ? parseCapitals(capital) : [],
    chiefOfState: parseOfficeHolders(sub(exec, 'chief of state') ?? ''),
    headOfGovernment: parseOfficeHolders(sub(exec, 'head of government') ?? ''),
  };
  if (estimate && estimate.value > 0) {
    record.population = estimate.value;
    if (estimate.year) record.populationYear = estimate.year;
  }
  const type = governmentType ? parseGovernmentType(governmentType) : undefined;
  if (type) record.governmentType = type;
  if (legislature) record.legislature = legislature;
  if (armed) {
    record.armedForces = armed.forces;
    if (armed.year) record.armedForcesYear = armed.year;
  }
  return record;
}

/** Every Factbook country file under `sourceDir` with an ISO code, sorted by code. */
export function convertFactbook(sourceDir: string, countries: readonly WorldCountry[]): FactbookCountry[] {
  const isoOf = gecToIso(sourceDir, countries);
  const out: FactbookCountry[] = [];
  for (const region of readdirSync(sourceDir, { withFileTypes: true })) {
    if (!region.isDirectory()) continue;
    for (const file of readdirSync(join(sourceDir, region.name))) {
      const gec = file.replace(/\.json$/, '');
      const code = isoOf.get(gec);
      if (!code || !file.endsWith('.json')) continue;
      const data = JSON.parse(readFileSync(join(sourceDir, region.name, file), 'utf8')) as FactbookFile;
      out.push(readCountry(data, gec, code));
    }
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

export const HISTORY_SOURCE = 'CIA World Factbook, 2015–2026 editions';

/** Editions whose leader fields are intact (2018–2020 lost them upstream; 2021 on is in the weekly file). */
const EDITION_YEARS = new Set([2015, 2016, 2017]);

/** The two office fields of a yearly edition's "Executive branch" text ("chief of state: … | head of government: …"). */
function editionOffices(text: string): { office: Office; text: string }[] {
  const out: { office: Office; text: string }[] = [];
  for (const [label, office] of [
    ['chief of state', 'head-of-state'],
    ['head of government', 'head-of-government'],
  ] as const) {
    const m = new RegExp(`${label}:\\s*([^|]*)`).exec(text);
    if (m?.[1]?.trim()) out.push({ office, text: m[1].trim() });
  }
  return out;
}

/** Every office snapshot in the history folder, with the dates snapshots were taken. */
export function readHistory(
  historyDir: string,
  isoOf: Map<string, string>,
): { snapshots: OfficeSnapshot[]; dates: string[] } {
  const snapshots: OfficeSnapshot[] = [];
  const dates: string[] = [];
  const lines = (file: string) =>
    readFileSync(join(historyDir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const line of lines('factbook-json-leaders-weekly.jsonl')) {
    const date = String(line.date);
    dates.push(date);
    const code = isoOf.get(String(line.gec));
    if (!code) continue;
    const office: Office = line.field === 'chief of state' ? 'head-of-state' : 'head-of-government';
    snapshots.push({ date, code, office, holders: parseOfficeHolders(plain(line.text) ?? '') });
  }
  for (const line of lines('factbook-history-2015-2025.jsonl')) {
    const year = Number(line.year);
    if (!EDITION_YEARS.has(year) || line.field !== 'Executive branch') continue;
    const code = isoOf.get(String(line.gec));
    if (!code) continue;
    // An edition is a year-end capture: dated at the year's end, it never counts as a prompt snapshot.
    const date = `${year}-12-31`;
    for (const { office, text } of editionOffices(String(line.text))) {
      snapshots.push({ date, code, office, holders: parseOfficeHolders(text) });
    }
  }
  return { snapshots, dates };
}

function main(): void {
  const sourceDir = resolve(requiredArg('--source', 'the Factbook folder (region folders and fips_to_iso2.csv)'));
  const outPath = resolve(ROOT, argValue('--out') ?? 'data/countries/factbook.json');
  const world = worldCountries();
  const countries = convertFactbook(sourceDir, world);
  const file = {
    source: FACTBOOK_SOURCE,
    license: 'public domain (17 U.S.C. § 105); the repository ships a CC0 dedication',
    asOf: FACTBOOK_AS_OF,
    countries,
  };
  const written = writeConverted(outPath, file);
  const history = argValue('--history');
  if (history) {
    const { snapshots, dates } = readHistory(resolve(history), gecToIso(sourceDir, world));
    const terms = officeTerms(snapshots, dates);
    const historyPath = join(dirname(outPath), 'factbook-leaders.json');
    const leaders = { source: HISTORY_SOURCE, license: file.license, asOf: FACTBOOK_AS_OF, terms };
    console.log(
      `wrote ${writeConverted(historyPath, leaders)}: ${terms.length} terms of office, ` +
        `${terms.filter((t) => t.successors).length} with their successor`,
    );
  }
  const withLeaders = countries.filter((c) => c.chiefOfState.length + c.headOfGovernment.length > 0).length;
  console.log(
    `wrote ${written}: ${countries.length} countries, ${withLeaders} with office holders, ` +
      `${countries.filter((c) => c.population).length} with population`,
  );
}

if (process.argv[1]?.endsWith('convert-factbook.ts')) main();
