/**
 * Article detection and extraction compared with Mozilla Readability on the eval pages.
 *
 *   npx tsx scripts/eval-pages.ts [PAGES_DIR]        (default: ../shared/eval/pages from the repo root)
 *
 * Both systems run on the same linkedom documents. Ours: `analyzePagePlain` (detection + extraction).
 * Readability: `isProbablyReaderable(doc)` + `new Readability(doc.cloneNode(true)).parse()`, its HTML
 * scored the same way as the expected output. Each writes a prediction file to a temp folder, scored by
 * `<pages>/../score-pages.mjs`. Times exclude parsing, include Readability's clone; three pages are run
 * first, untimed, to warm up the JIT for both.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { detectDocument, pageNames, parseDocument } from './detect';

export interface SystemScore {
  accuracy: number;
  precision: number;
  recall: number;
  textF1: number;
  textF1Readerable: number;
  msMedian: number;
  msP95: number;
  msMax: number;
}

export interface PageOutcome {
  name: string;
  gold: boolean;
  ours: boolean;
  oursTextF1: number;
  oursMs: number;
  readabilityMs: number;
}

export interface PagesEval {
  pages: number;
  ours: SystemScore;
  readability: SystemScore;
  /** Pages where ours disagrees with the expected verdict or has text F1 below 0.8. */
  failures: PageOutcome[];
  perPage: PageOutcome[];
}

interface ScorerSummary {
  readerable: { accuracy: number; precision: number; recall: number };
  textF1: number;
  textF1Readerable: number;
}

interface ScorerPage {
  name: string;
  textF1: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Runs the shared scorer on one prediction file; returns its summary and the per-page text F1 it reports. */
function score(scorer: string, pred: string, pagesDir: string): { summary: ScorerSummary; low: ScorerPage[] } {
  const out = execFileSync(process.execPath, [scorer, pred, '--pages', pagesDir], { encoding: 'utf8' });
  const lines = out.trimEnd().split('\n');
  const summary = JSON.parse(lines[lines.length - 1]) as ScorerSummary;
  const low: ScorerPage[] = [];
  for (const line of lines.slice(0, -1)) {
    const m = /^\s+(\S+): readerable .* textF1=([\d.]+)/.exec(line);
    if (m) low.push({ name: m[1], textF1: Number(m[2]) });
  }
  return { summary, low };
}

function systemScore(summary: ScorerSummary, ms: number[]): SystemScore {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    accuracy: summary.readerable.accuracy,
    precision: summary.readerable.precision,
    recall: summary.readerable.recall,
    textF1: summary.textF1,
    textF1Readerable: summary.textF1Readerable,
    msMedian: r3(quantile(sorted, 0.5)),
    msP95: r3(quantile(sorted, 0.95)),
    msMax: r3(sorted[sorted.length - 1] ?? 0),
  };
}

/** The baseline: Readability's verdict and its article HTML, from a clone (parse() mutates its input). */
function readabilityOn(doc: Document): { readerable: boolean; content: string } {
  try {
    const readerable = isProbablyReaderable(doc);
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    return { readerable, content: parsed?.content ?? '' };
  } catch {
    // Counted as "not readerable, no text", as a reader view would show nothing.
    return { readerable: false, content: '' };
  }
}

/** Evaluates ours and Readability on every page folder of `pagesDir`. */
export function evalPages(pagesDir: string): PagesEval {
  const dir = resolve(pagesDir);
  const scorer = join(dir, '..', 'score-pages.mjs');
  const names = pageNames(dir);
  const tmp = mkdtempSync(join(tmpdir(), 'backstory-eval-pages-'));
  try {
    const oursLines: string[] = [];
    const readLines: string[] = [];
    const oursMs: number[] = [];
    const readMs: number[] = [];
    const perPage: PageOutcome[] = [];
    // Warm-up, untimed: the first pages would otherwise also measure the JIT compiling both systems.
    for (const name of names.slice(0, 3)) {
      const doc = parseDocument(readFileSync(join(dir, name, 'source.html'), 'utf8'));
      detectDocument(doc);
      readabilityOn(doc);
    }
    for (const name of names) {
      const html = readFileSync(join(dir, name, 'source.html'), 'utf8');
      const gold =
        (JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean })
          .readerable === true;
      const doc = parseDocument(html);

      const ours = detectDocument(doc);
      oursMs.push(ours.ms);
      oursLines.push(JSON.stringify({ name, readerable: ours.readerable, text: ours.text }));

      const t0 = performance.now();
      const { readerable, content } = readabilityOn(doc);
      const ms = performance.now() - t0;
      readMs.push(ms);
      readLines.push(JSON.stringify({ name, readerable, html: content }));
      perPage.push({ name, gold, ours: ours.readerable, oursTextF1: 1, oursMs: r3(ours.ms), readabilityMs: r3(ms) });
    }
    const oursPred = join(tmp, 'ours.jsonl');
    const readPred = join(tmp, 'readability.jsonl');
    writeFileSync(oursPred, `${oursLines.join('\n')}\n`);
    writeFileSync(readPred, `${readLines.join('\n')}\n`);
    const o = score(scorer, oursPred, dir);
    const r = score(scorer, readPred, dir);
    for (const low of o.low) {
      const p = perPage.find((x) => x.name === low.name);
      if (p) p.oursTextF1 = low.textF1;
    }
    return {
      pages: names.length,
      ours: systemScore(o.summary, oursMs),
      readability: systemScore(r.summary, readMs),
      failures: perPage.filter((p) => p.gold !== p.ours || p.oursTextF1 < 0.8),
      perPage,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The comparison as a fixed-width table. */
export function formatPagesEval(e: PagesEval): string {
  const head = [
    'system',
    'accuracy',
    'precision',
    'recall',
    'text F1',
    'F1 (readerable)',
    'ms median',
    'ms p95',
    'ms max',
  ];
  const row = (label: string, s: SystemScore) => [
    label,
    s.accuracy.toFixed(3),
    s.precision.toFixed(3),
    s.recall.toFixed(3),
    s.textF1.toFixed(3),
    s.textF1Readerable.toFixed(3),
    s.msMedian.toFixed(1),
    s.msP95.toFixed(1),
    s.msMax.toFixed(1),
  ];
  const rows = [head, row('backstory', e.ours), row('readability', e.readability)];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const out = [`article detection + extraction, ${e.pages} pages (linkedom)`, ...lines];
  if (e.failures.length > 0) {
    out.push('backstory misses (wrong verdict or text F1 < 0.8):');
    for (const f of e.failures) {
      out.push(
        `  ${f.name}: expected ${f.gold ? 'article' : 'not article'}, got ${f.ours ? 'article' : 'not article'}, text F1 ${f.oursTextF1}`,
      );
    }
  }
  return out.join('\n');
}

function main(args: string[]): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const pagesDir = args.find((a) => !a.startsWith('--')) ?? join(repo, '..', 'shared', 'eval', 'pages');
  const e = evalPages(pagesDir);
  console.log(formatPagesEval(e));
  if (args.includes('--json')) console.log(JSON.stringify({ ours: e.ours, readability: e.readability }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
