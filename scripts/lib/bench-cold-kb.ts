// Child of `npm run bench`, in a fresh process: times reading, decoding and indexing the shipped KB, then one
// short analysis, and prints the times as JSON. Module loading is left out: under tsx it is mostly transpiling.
import { analyzeText } from '../../lib/analyze';
import { kbContentsOf, nameIndexFrom } from '../../lib/kb/load-index';
import { readKbJson } from './kb-files';

const t0 = performance.now();
const raw = readKbJson(); // reading includes gunzip: the extension unzips the same file
const t1 = performance.now();
const json: unknown = JSON.parse(raw);
const t2 = performance.now();
const contents = kbContentsOf(json); // the worker's own loader (lib/kb/load-index)
const t3 = performance.now();
const index = nameIndexFrom(contents);
const t4 = performance.now();
const found = analyzeText('Warm up in Paris with Angela Merkel.', index).length;
const t5 = performance.now();

process.stdout.write(
  `${JSON.stringify({
    readMs: t1 - t0,
    parseMs: t2 - t1,
    decodeMs: t3 - t2,
    indexMs: t4 - t3,
    totalMs: t4 - t0,
    firstCallMs: t5 - t4,
    found,
    entries: index.entries.length,
    bytes: Buffer.byteLength(raw),
  })}\n`,
);
