/**
 * scripts/convert-organizations — political parties from Party Facts and intergovernmental organisations from
 * SupraVerden into data/converted/parties.json and data/converted/igos.json (the latter CC BY-SA 4.0, kept in
 * its own file): names, abbreviations, countries, founding years, headquarters and Wikidata QIDs. No prose.
 * A developer's tool: the build reads the JSON it writes.
 *
 *   npx tsx scripts/convert-organizations.ts --source DIR
 * DIR holds partyfacts/{wikidata.csv,partyfacts-core-parties.csv} and supraverden/general_list.yaml.
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IgoRecord, IgosFile, PartiesFile, PartyRecord } from '../lib/kb/build/organizations';
import { ROOT, worldCountries } from './build-kb';
import { requiredArg, writeConverted } from './lib/convert';

/** Rows of an RFC 4180 CSV file (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  const [header = [], ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The records of SupraVerden's general_list.yaml: top-level names, each with "  Field: value" lines. */
export function parseSupraverden(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (/^[^\s#-].*:\s*$/.test(line)) {
      current = {};
      out.push(current);
      continue;
    }
    const m = /^ {2}([A-Za-z0-9_]+):\s*(.*)$/.exec(line);
    if (!m || !current || !m[1]) continue;
    const value = (m[2] ?? '')
      .trim()
      .replace(/^'(.*)'$/, '$1')
      .replace(/^"(.*)"$/, '$1')
      .replace(/''/g, "'");
    if (value && value !== 'null') current[m[1]] = value;
  }
  return out;
}

const PARTY_SOURCE = 'Party Facts';
const IGO_SOURCE = 'SupraVerden (CC BY-SA 4.0)';

function main(): void {
  const dir = resolve(requiredArg('--source', 'the folder with partyfacts/ and supraverden/'));
  const iso2 = new Map(worldCountries().map((c) => [c.cca3, c.cca2]));

  const qidOf = new Map<string, Record<string, string>>();
  for (const r of parseCsv(readFileSync(join(dir, 'partyfacts', 'wikidata.csv'), 'utf8'))) {
    if (/^Q\d+$/.test(r.wikidata_id ?? '') && !qidOf.has(r.partyfacts_id ?? '')) qidOf.set(r.partyfacts_id ?? '', r);
  }
  const seen = new Set<string>();
  const parties: PartyRecord[] = [];
  for (const r of parseCsv(readFileSync(join(dir, 'partyfacts', 'partyfacts-core-parties.csv'), 'utf8'))) {
    const wiki = qidOf.get(r.partyfacts_id ?? '');
    const country = iso2.get(r.country ?? '');
    // Real parties (not the file's placeholders) with a QID: older ones too, as news and histories still name them.
    if (r.technical || !wiki || !country) continue;
    const qid = wiki.wikidata_id as string;
    if (seen.has(qid)) continue;
    seen.add(qid);
    const party: PartyRecord = { qid, name: (wiki.name || r.name_english || r.name || '').trim(), country };
    const short = (r.name_short || wiki.name_short || '').trim();
    if (short) party.short = short;
    if (/^\d{4}$/.test(r.year_first ?? '') && Number(r.year_first) > 1800) party.founded = Number(r.year_first);
    if (party.name) parties.push(party);
  }
  const partiesFile: PartiesFile = { source: PARTY_SOURCE, asOf: '2023-06-05', parties };

  const organizations: IgoRecord[] = parseSupraverden(
    readFileSync(join(dir, 'supraverden', 'general_list.yaml'), 'utf8'),
  ).flatMap((r) => {
    if (!r.Name_en) return [];
    const o: IgoRecord = {
      name: r.Name_en,
      abbreviations: [r.Abbreviation_en, r.Abbreviation_other_en].filter((a): a is string => Boolean(a)),
      otherNames: Object.entries(r)
        .filter(([k]) => /^Name_other(_\d+)?_en$/.test(k))
        .map(([, v]) => v),
    };
    if (/^Q\d+$/.test(r.Wikidata_code ?? '')) o.qid = r.Wikidata_code;
    if (/^\d{4}$/.test(r.Year_established ?? '')) o.founded = Number(r.Year_established);
    if (r.Headquarters) o.headquarters = r.Headquarters;
    if (r.Org_family && r.Org_family !== 'none') o.family = r.Org_family;
    return [o];
  });
  const igosFile: IgosFile = {
    source: IGO_SOURCE,
    license: 'CC BY-SA 4.0, © 2025–2026 Confirmordeny (SupraVerden); selected fields extracted',
    asOf: '2026-06-24',
    organizations,
  };
  for (const [name, data] of [
    ['parties.json', partiesFile],
    ['igos.json', igosFile],
  ] as const) {
    console.log(`wrote ${writeConverted(join(ROOT, 'data', 'converted', name), data)}`);
  }
  console.log(`${parties.length} parties, ${organizations.length} intergovernmental organisations`);
}

if (process.argv[1]?.endsWith('convert-organizations.ts')) main();
