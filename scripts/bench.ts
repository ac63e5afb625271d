// `npm run bench`: measures Backstory beside a baseline in the same run (compromise's NER for analysis, the same
// pages without the extension in the page), prints one table with the targets and
// writes bench-results.json. A benchmark, not a test: it never fails on numbers.
//   npm run bench -- --only=latency,memory   run some sections
//   npm run bench -- --quick                 shorter budgets, for a rough look
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { NameIndex } from '../lib/kb/name-index';
import { type BenchContext, type BenchRow, type BenchSection, formatTable } from './lib/bench-core';
import { inPageSection } from './lib/bench-inpage';
import { latencySection } from './lib/bench-latency';
import { librarySection } from './lib/bench-library';
import { coldStartSection, memorySection } from './lib/bench-startup';
import { loadNameIndex, ROOT } from './lib/kb-files';

/** The sections, in print order. A new section is a `BenchSection` added here. */
const SECTIONS: BenchSection[] = [latencySection, coldStartSection, memorySection, inPageSection, librarySection];

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const unknown = only?.filter((id) => !SECTIONS.some((s) => s.id === id)) ?? [];
if (unknown.length) {
  process.stderr.write(
    `Unknown section(s): ${unknown.join(', ')}. Sections: ${SECTIONS.map((s) => s.id).join(', ')}\n`,
  );
  process.exit(2);
}

let index: NameIndex | undefined;
const ctx: BenchContext = {
  root: ROOT,
  evalDir: resolve(process.env.BACKSTORY_EVAL ?? join(ROOT, '../shared/eval')),
  options: { quick: args.includes('--quick') },
  index: () => {
    index ??= loadNameIndex();
    return index;
  },
};

const started = performance.now();
const results: { id: string; title: string; baseline?: string; elapsedMs: number; rows: BenchRow[] }[] = [];
for (const section of SECTIONS.filter((s) => !only || only.includes(s.id))) {
  process.stderr.write(`${section.title}\n`);
  const t = performance.now();
  const rows = await section.run(ctx);
  results.push({
    id: section.id,
    title: section.title,
    baseline: section.baseline,
    elapsedMs: performance.now() - t,
    rows,
  });
}
const elapsedMs = performance.now() - started;

const targets = results.flatMap((s) => s.rows.filter((r) => r.target).map((r) => ({ metric: r.metric, ...r.target })));
const met = targets.filter((t) => t.met).length;
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;

console.log(formatTable(results));
console.log(
  `\nTargets met: ${met}/${targets.length}. Ratio = Backstory ÷ baseline (throughput: higher is better). ` +
    'runs = Backstory/compromise; ' +
    'p95 Δ = p95 of even vs odd runs (small when p95 is stable). ' +
    `${machine}. ` +
    `Took ${(elapsedMs / 1000).toFixed(0)} s${ctx.options.quick ? ' (--quick)' : ''}.`,
);

writeFileSync(
  join(ROOT, 'bench-results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      quick: ctx.options.quick,
      elapsedMs,
      targets,
      sections: results,
    },
    null,
    2,
  )}\n`,
);
console.log('Wrote bench-results.json');
