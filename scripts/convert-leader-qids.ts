/**
 * scripts/convert-leader-qids — the Wikidata QIDs of heads of state and government, from the world-leaders-2021
 * query result (every-politician-scrapers, Wikidata CC0), into data/converted/leader-qids.json: QID, name,
 * country. The build gives each QID to the person of that country with that name. A developer's tool.
 *
 *   npx tsx scripts/convert-leader-qids.ts --source world-leaders-2021/wikidata.csv
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { COUNTRY_QIDS } from '../lib/kb/build/countries';
import { ROOT } from './build-kb';
import { parseCsv } from './convert-organizations';

function main(): void {
  const i = process.argv.indexOf('--source');
  const source = i >= 0 ? process.argv[i + 1] : undefined;
  if (!source) throw new Error('--source FILE is required: world-leaders-2021/wikidata.csv');
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
  const out = join(ROOT, 'data', 'converted', 'leader-qids.json');
  writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
  console.log(`wrote ${relative(ROOT, out)}: ${leaders.length} QIDs`);
}

main();
