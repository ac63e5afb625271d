/** Cold start and memory, each measured in fresh child processes so nothing is already loaded or cached. */
import { join } from 'node:path';
import { atMost, type BenchContext, type BenchSection, median, runChild } from './bench-core';

const COLD_RUNS = 5;
const COLD_TARGET_MS = 1_000;
const HEAP_TARGET_MB = 80;

interface KbCold {
  readMs: number;
  parseMs: number;
  decodeMs: number;
  indexMs: number;
  totalMs: number;
  firstCallMs: number;
  entries: number;
  bytes: number;
}

interface CompromiseCold {
  importMs: number;
  firstCallMs: number;
}

interface Memory {
  retainedHeapMB: number;
  heapAfterMB: number;
  rssMB: number;
  peakRssMB: number;
}

// Plain node, not tsx: compromise is plain JavaScript, and tsx's loader hooks would slow its many imports.
const COMPROMISE_COLD = `
const t0 = performance.now();
const nlp = (await import('compromise')).default;
const t1 = performance.now();
nlp('Warm up in Paris with Angela Merkel.').people().out('array');
const t2 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1 }));
`;

function medianOf<T>(runs: readonly T[], pick: (r: T) => number): number {
  return median(runs.map(pick));
}

export const coldStartSection: BenchSection = {
  id: 'cold-start',
  title: 'Cold start (a fresh process per run, median)',
  baseline: 'compromise',
  run: (ctx: BenchContext) => {
    ctx.index(); // Builds public/kb/kb.json first if it is missing, so no run pays for that.
    const runs = ctx.options.quick ? 3 : COLD_RUNS;
    const kb: KbCold[] = [];
    const nlp: CompromiseCold[] = [];
    // Alternated, so a noisy moment on the machine hits both.
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`  cold start ${i + 1}/${runs}…\n`);
      kb.push(runChild<KbCold>(['--import', 'tsx', join(ctx.root, 'scripts/lib/bench-cold-kb.ts')], ctx.root));
      nlp.push(runChild<CompromiseCold>(['--input-type=module', '-e', COMPROMISE_COLD], ctx.root));
    }
    const total = medianOf(kb, (r) => r.totalMs);
    const part = (pick: (r: KbCold) => number) => Math.round(medianOf(kb, pick));
    return [
      {
        metric: 'KB read + decode + index / import',
        unit: 'ms',
        backstory: total,
        baseline: medianOf(nlp, (r) => r.importMs),
        target: atMost(total, COLD_TARGET_MS, 'ms'),
        note: `read ${part((r) => r.readMs)} + parse ${part((r) => r.parseMs)} + decode ${part((r) => r.decodeMs)} + index ${part((r) => r.indexMs)} ms`,
        details: { runs: { backstory: kb, compromise: nlp } },
      },
      {
        metric: 'first analysis call after load',
        unit: 'ms',
        backstory: medianOf(kb, (r) => r.firstCallMs),
        baseline: medianOf(nlp, (r) => r.firstCallMs),
        note: `one sentence; ${runs} runs; ${kb[0].entries.toLocaleString('en-US')} KB entries, ${(kb[0].bytes / 1e6).toFixed(1)} MB JSON`,
      },
    ];
  },
};

export const memorySection: BenchSection = {
  id: 'memory',
  title: 'Memory (child with --expose-gc, heap after full GC)',
  baseline: 'compromise',
  run: (ctx: BenchContext) => {
    process.stderr.write('  memory…\n');
    const child = (which: string) =>
      runChild<Memory>(
        ['--expose-gc', '--import', 'tsx', join(ctx.root, 'scripts/lib/bench-memory.ts'), which],
        ctx.root,
      );
    const backstory = child('backstory');
    const compromise = child('compromise');
    return [
      {
        metric: 'heap kept by name index / import',
        unit: 'MB',
        backstory: backstory.retainedHeapMB,
        baseline: compromise.retainedHeapMB,
        target: atMost(backstory.retainedHeapMB, HEAP_TARGET_MB, 'MB'),
        note: 'entries + maps; compromise: code + lexicon',
        details: { backstory, compromise },
      },
      {
        metric: 'rss after load',
        unit: 'MB',
        backstory: backstory.rssMB,
        baseline: compromise.rssMB,
        note: `peak rss ${Math.round(backstory.peakRssMB)} / ${Math.round(compromise.peakRssMB)} MB`,
      },
    ];
  },
};
