/**
 * scripts/convert-leader-qids — the Wikidata QIDs of heads of state and government, from the world-leaders-2021
 * query result (every-politician-scrapers, Wikidata CC0), into data/converted/leader-qids.json: QID, name,
 * country. The build gives each QID to the person of that country with that name. A developer's tool.
 *
 *   npx tsx scripts/convert-leader-qids.ts --source world-leaders-2021/wikidata.csv
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COUNTRY_QIDS } from '../lib/kb/build/countries';
import { ROOT } from './build-kb';
import { parseCsv } from './convert-organizations';
import { requiredArg, writeConverted } from './lib/convert';

function main(): void {
  const source = requiredArg('--source', 'world-leaders-2021/wikidata.csv');
  const countryOf = new Map(Object.entries(COUNTRY_QIDS).map(([cc, qid]) => [qid, cc]));
  const seen = new Set<string>();
  const leaders = parseCsv(readFileSync(resolve(source), 'utf8')).flatMap((r) => {
    const country = countryOf.get(r.countryid ?? '');
    const qid = r.officeholder ?? '';
    if (!country || !/^Q\d+$/.test(qid) || !r.officeholderLabel || seen.has(qid)) return [];
    seen.add(qid);
    return [{ qid, name: r.officeholderLabel, country }];
  });
  const file = {
    source: 'Wikidata (CC0), via every-politician-scrapers/world-leaders-2021',
    asOf: '2022-10-10',
    leaders,
  };
  const out = writeConverted(join(ROOT, 'data', 'converted', 'leader-qids.json'), file);
  console.log(`wrote ${out}: ${leaders.length} QIDs`);
}

main();
