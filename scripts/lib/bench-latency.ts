/** Warm analysis latency and throughput, Backstory against compromise, on the same articles in the same process. */
import nlp from 'compromise';
import { analyzeText } from '../../lib/analyze';
import type { NameIndex } from '../../lib/kb/name-index';
import {
  atLeast,
  atMost,
  type BenchContext,
  type BenchRow,
  type BenchSection,
  collectGarbage,
  median,
  percentile,
  sum,
  timeLoop,
} from './bench-core';
import { buildArticles, loadDocuments } from './bench-corpus';

interface SizePlan {
  label: string;
  chars: number;
  /** Distinct articles cycled through, so no single lucky text decides. */
  articles: number;
  /** Measuring time per system, in ms; compromise gets more because its runs are long and few. */
  budgetMs: { backstory: number; compromise: number };
}

const PLANS: SizePlan[] = [
  { label: '1k', chars: 1_000, articles: 16, budgetMs: { backstory: 3_000, compromise: 5_000 } },
  { label: '10k', chars: 10_000, articles: 8, budgetMs: { backstory: 6_000, compromise: 10_000 } },
  { label: '100k', chars: 100_000, articles: 3, budgetMs: { backstory: 6_000, compromise: 15_000 } },
];

/** Measuring is split into rounds that alternate the systems, so a noisy moment hits both alike. */
const ROUNDS = 3;
const MAX_RUNS = 1_500;
const MIN_RUNS = 10;
const WARM_RUNS = 2;
const WARM_MS = 500;
const P95_TARGET_LABEL = '10k';
const P95_TARGET_MS = 6;
const RATIO_TARGET = 20;

type System = 'backstory' | 'compromise';

interface Stats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  /** p95 of the even runs against the odd runs: near 0 when there are enough runs for p95 to hold still. */
  p95SplitDiff: number;
  charsPerSecond: number;
  /** Names found per article, on average: a sanity check that both systems did real work. */
  namesPerRun: number;
}

/** Each runner returns how many names it found: kept, so the work is used and the two can be compared. */
type Runner = (text: string) => number;

function runners(index: NameIndex): Record<System, Runner> {
  return {
    backstory: (text) => analyzeText(text, index).length,
    // The extraction a comparable NER needs: parse, then people, places and organizations, as strings.
    compromise: (text) => {
      const doc = nlp(text);
      const found = [doc.people(), doc.places(), doc.organizations()].map((v) => v.out('array') as string[]);
      return sum(found.map((f) => f.length));
    },
  };
}

function stats(samples: readonly number[], chars: readonly number[], found: readonly number[]): Stats {
  const even = samples.filter((_, i) => i % 2 === 0);
  const odd = samples.filter((_, i) => i % 2 === 1);
  const p95 = percentile(samples, 0.95);
  const totalMs = sum(samples);
  return {
    runs: samples.length,
    medianMs: median(samples),
    p95Ms: p95,
    meanMs: totalMs / samples.length,
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    p95SplitDiff: odd.length ? Math.abs(percentile(even, 0.95) - percentile(odd, 0.95)) / p95 : 0,
    charsPerSecond: sum(chars) / (totalMs / 1000),
    namesPerRun: sum(found) / found.length,
  };
}

function measurePlan(plan: SizePlan, articles: readonly string[], run: Record<System, Runner>, scale: number) {
  const samples: Record<System, number[]> = { backstory: [], compromise: [] };
  const chars: Record<System, number[]> = { backstory: [], compromise: [] };
  const found: Record<System, number[]> = { backstory: [], compromise: [] };
  const systems: System[] = ['backstory', 'compromise'];
  for (const system of systems) {
    // Warm-up before anything counts; the smaller sizes before it have already compiled most of the code.
    let k = 0;
    timeLoop(() => run[system](articles[k++ % articles.length]), {
      minMs: WARM_MS * scale,
      minRuns: WARM_RUNS,
      maxRuns: MAX_RUNS,
    });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const system of systems) {
      // Each phase starts on a clean heap, so the other system's garbage is not collected on its time.
      collectGarbage();
      const offset = samples[system].length;
      const done = timeLoop(
        (i) => {
          const text = articles[(offset + i) % articles.length];
          chars[system].push(text.length);
          found[system].push(run[system](text));
        },
        {
          minMs: (plan.budgetMs[system] * scale) / ROUNDS,
          minRuns: Math.ceil((MIN_RUNS * scale) / ROUNDS),
          maxRuns: Math.ceil(MAX_RUNS / ROUNDS),
        },
      );
      samples[system].push(...done);
    }
  }
  return {
    backstory: stats(samples.backstory, chars.backstory, found.backstory),
    compromise: stats(samples.compromise, chars.compromise, found.compromise),
  };
}

function rowsFor(plan: SizePlan, articles: readonly string[], s: Record<System, Stats>): BenchRow[] {
  const meanChars = Math.round(sum(articles.map((a) => a.length)) / articles.length);
  const split = (x: Stats) => `${Math.round(x.p95SplitDiff * 100)}%`;
  const runs = `runs ${s.backstory.runs}/${s.compromise.runs}, p95 Δ ${split(s.backstory)}/${split(s.compromise)}`;
  const details = { articles: articles.length, meanChars, backstory: s.backstory, compromise: s.compromise };
  const ratio = s.backstory.charsPerSecond / s.compromise.charsPerSecond;
  const p95Target = plan.label === P95_TARGET_LABEL ? atMost(s.backstory.p95Ms, P95_TARGET_MS, 'ms') : undefined;
  return [
    {
      metric: `${plan.label} article, warm median`,
      unit: 'ms',
      backstory: s.backstory.medianMs,
      baseline: s.compromise.medianMs,
      note: `${articles.length} articles × ~${meanChars.toLocaleString('en-US')} chars`,
      details,
    },
    {
      metric: `${plan.label} article, warm p95`,
      unit: 'ms',
      backstory: s.backstory.p95Ms,
      baseline: s.compromise.p95Ms,
      target: p95Target,
      note: runs,
    },
    {
      metric: `${plan.label} article, throughput`,
      unit: 'k chars/s',
      backstory: s.backstory.charsPerSecond / 1000,
      baseline: s.compromise.charsPerSecond / 1000,
      ratio,
      target: atLeast(ratio, RATIO_TARGET, '×'),
    },
  ];
}

export const latencySection: BenchSection = {
  id: 'latency',
  title: 'Warm analysis of one article (same texts, same process)',
  baseline: 'compromise',
  run: (ctx: BenchContext) => {
    const index = ctx.index();
    const docs = loadDocuments(ctx.evalDir);
    const run = runners(index);
    const scale = ctx.options.quick ? 0.2 : 1;
    const rows: BenchRow[] = [];
    for (const plan of PLANS) {
      process.stderr.write(`  latency ${plan.label}…\n`);
      const articles = buildArticles(docs, plan.chars, plan.articles);
      rows.push(...rowsFor(plan, articles, measurePlan(plan, articles, run, scale)));
    }
    return rows;
  },
};
