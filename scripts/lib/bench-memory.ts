// Child of `npm run bench`: node --expose-gc --import tsx scripts/lib/bench-memory.ts backstory|compromise
// Prints, as JSON, the heap kept alive by the loaded name index (or by compromise's import) and the rss.
import { loadNameIndex } from './kb-files';

const MB = 1024 * 1024;

function collect(): number {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') throw new Error('bench-memory needs node --expose-gc');
  // Several passes: one major GC can leave garbage that only the next one frees.
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function load(which: string): Promise<unknown> {
  if (which === 'backstory') return loadNameIndex();
  if (which === 'compromise') {
    const nlp = (await import('compromise')).default;
    // One call, so whatever compromise builds lazily on first use is counted too.
    nlp('Warm up in Paris.').people();
    return nlp;
  }
  throw new Error(`unknown system ${which}`);
}

const which = process.argv[2] ?? 'backstory';
const before = collect();
const rssBefore = process.memoryUsage().rss;
// Held in a binding so the loaded data stays reachable through the second collection.
let keep = await load(which);
const after = collect();
const usage = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    which,
    heapBeforeMB: before / MB,
    heapAfterMB: after / MB,
    retainedHeapMB: (after - before) / MB,
    rssBeforeMB: rssBefore / MB,
    rssMB: usage.rss / MB,
    // maxRSS is in kilobytes.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    kept: keep !== undefined,
  })}\n`,
);
keep = undefined;
