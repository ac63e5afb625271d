/** Shared pieces of `npm run bench`: the row and section shapes, statistics, timing loops, child runs and the table. */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { NameIndex } from '../../lib/kb/name-index';

/** A target next to a number: its wording and whether the number meets it. */
export interface Target {
  text: string;
  met: boolean;
}

/** One printed line. `baseline` is the same measure for the section's baseline, when there is one. */
export interface BenchRow {
  metric: string;
  unit: string;
  backstory: number;
  baseline?: number;
  /** Backstory's advantage, in times (higher is better for Backstory). */
  ratio?: number;
  target?: Target;
  note?: string;
  /** Everything else worth keeping in bench-results.json. */
  details?: Record<string, unknown>;
}

export interface BenchOptions {
  /** Scales time budgets and run counts down, for a quick look. */
  quick: boolean;
}

export interface BenchContext {
  root: string;
  evalDir: string;
  options: BenchOptions;
  /** The shipped name index, loaded once and shared by the sections that need it. */
  index: () => NameIndex;
}

/** A section of the benchmark: a titled function that returns rows. */
export interface BenchSection {
  id: string;
  title: string;
  /** What the Baseline column holds in this section (the compromise library, the page without the extension). */
  baseline?: string;
  run: (ctx: BenchContext) => Promise<BenchRow[]> | BenchRow[];
}

export function atMost(value: number, limit: number, unit: string): Target {
  return { text: `≤ ${limit} ${unit}`, met: value <= limit };
}

export function atLeast(value: number, limit: number, unit: string): Target {
  return { text: `≥ ${limit}${unit}`, met: value >= limit };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile: a value that was really observed, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export interface LoopLimits {
  /** Keep going until this much time has passed… */
  minMs: number;
  /** …and at least this many runs were made… */
  minRuns: number;
  /** …but never more runs than this. */
  maxRuns: number;
}

/** Calls `fn(i)` within the limits and returns the duration of each call, in ms. */
export function timeLoop(fn: (i: number) => void, limits: LoopLimits): number[] {
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < limits.maxRuns) {
    if (samples.length >= limits.minRuns && performance.now() - started >= limits.minMs) break;
    const t = performance.now();
    fn(samples.length);
    samples.push(performance.now() - t);
  }
  return samples;
}

let gc: (() => void) | undefined = globalThis.gc;

/**
 * A full garbage collection, so one system's garbage is not collected on the other's time. Without
 * --expose-gc, the flag is turned on at run time; `gc` then exists in contexts created after that.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Runs a Node child and parses the JSON on the last line of its output. */
export function runChild<T>(args: string[], cwd: string): T {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 24 });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`bench child ${args.join(' ')} failed (${run.status}): ${run.stderr || run.stdout}`);
  }
}

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '';
  const a = Math.abs(n);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The one table: a block per section, numbers right-aligned. */
export function formatTable(
  sections: readonly { title: string; baseline?: string; rows: readonly BenchRow[] }[],
): string {
  const header = ['Metric', 'Unit', 'Backstory', 'Baseline', 'Ratio', 'Target', 'Status', 'Note'];
  const right = new Set([2, 3, 4]);
  const lines: (string[] | string)[] = [header];
  for (const section of sections) {
    lines.push(`── ${section.title}${section.baseline ? ` · baseline: ${section.baseline}` : ''}`);
    for (const r of section.rows) {
      lines.push([
        r.metric,
        r.unit,
        fmt(r.backstory),
        fmt(r.baseline),
        r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
        r.target?.text ?? '',
        r.target ? (r.target.met ? 'met' : 'NOT MET') : '',
        r.note ?? '',
      ]);
    }
  }
  const cells = lines.filter((l): l is string[] => Array.isArray(l));
  const widths = header.map((_, c) => Math.max(...cells.map((l) => l[c].length)));
  const total = sum(widths) + 2 * (widths.length - 1);
  return lines
    .map((l) =>
      typeof l === 'string'
        ? `${l} ${'─'.repeat(Math.max(0, total - l.length - 1))}`
        : l
            .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
            .join('  ')
            .trimEnd(),
    )
    .join('\n');
}
