/**
 * scripts/convert-phoenix — extracts the government members of the Phoenix/PETRARCH2 actor dictionaries (MIT,
 * data to 2014) into data/converted/phoenix-people.json: names, spellings, country and dated portfolios. Only
 * people in a government post in 2010 or later are kept. A developer's tool: the build reads the JSON.
 *
 *   npx tsx scripts/convert-phoenix.ts --source DIR
 * DIR holds Phoenix.Countries.actors.txt (petrarch2/data/dictionaries in the PETRARCH2 repository).
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type PhoenixFile, parsePhoenixPeople } from '../lib/kb/build/phoenix';
import { ROOT, worldCountries } from './build-kb';
import { requiredArg, writeConverted } from './lib/convert';

/** Cited on every entry and fact; the full credit is in data/README.md and the artifact's attribution. */
export const PHOENIX_SOURCE = 'Phoenix actor dictionaries (to 2014)';
/** Posts that ended before this are too old for the news the product reads, and cost the worker's cold start. */
const SINCE = '2010';

function main(): void {
  const source = requiredArg('--source', 'the folder with Phoenix.Countries.actors.txt');
  const iso2 = new Map(worldCountries().map((c) => [c.cca3, c.cca2]));
  const text = readFileSync(join(resolve(source), 'Phoenix.Countries.actors.txt'), 'utf8');
  const people = parsePhoenixPeople(text, (iso3) => iso2.get(iso3)).filter((p) =>
    p.stints.some((s) => (s.to ? s.to >= SINCE : s.from !== undefined)),
  );
  const file: PhoenixFile = {
    source: PHOENIX_SOURCE,
    license: 'MIT, Copyright (c) 2014 Open Event Data Alliance',
    asOf: '2014-12-31',
    people,
  };
  const out = writeConverted(join(ROOT, 'data', 'converted', 'phoenix-people.json'), file);
  console.log(`wrote ${out}: ${people.length} people`);
}

main();
