// `npm run eval`: scores Backstory on every set in ../shared/eval — the seed article, CoNLL-2003,
// GeoWebNews, LGL and the article pages — with the scorers there, prints one table and writes
// eval-results.json. The analysis is the same code the extension's background runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NameIndex } from '../lib/kb/name-index';
import { annotate } from './lib/annotate';
import { loadNameIndex, ROOT } from './lib/kb-files';

const EVAL = resolve(process.env.BACKSTORY_EVAL ?? join(ROOT, '../shared/eval'));
const work = mkdtempSync(join(tmpdir(), 'backstory-eval-'));

interface Doc {
  id: string;
  text: string;
}

function readJsonl(path: string): Doc[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc);
}

/** Runs a scorer and returns its last line, parsed. */
function score(script: string, args: string[]): Record<string, unknown> {
  const run = spawnSync('node', [join(EVAL, script), ...args], { encoding: 'utf8' });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last);
  } catch {
    throw new Error(`${script} failed: ${run.stderr || run.stdout}`);
  }
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

function seed(index: NameIndex) {
  const text = readFileSync(join(EVAL, 'seed/article.txt'), 'utf8');
  const pred = join(work, 'seed.json');
  writeFileSync(pred, JSON.stringify({ entities: annotate(text, index) }));
  return score('seed/score-seed.mjs', [pred]);
}

function ner(index: NameIndex, gold: string) {
  const docs = readJsonl(gold);
  const pred = join(work, 'ner.jsonl');
  const { ms } = timed(() =>
    writeFileSync(
      pred,
      docs.map((d) => JSON.stringify({ id: d.id, entities: annotate(d.text, index, true) })).join('\n'),
    ),
  );
  return { ...score('score-entities.mjs', [gold, pred, '--json-only']), ms };
}

function geo(index: NameIndex, gold: string, extra: string[] = []) {
  const docs = readJsonl(gold);
  const pred = join(work, 'geo.jsonl');
  writeFileSync(
    pred,
    docs
      .map((d) => {
        const places = annotate(d.text, index)
          .filter((e) => e.kind === 'place')
          .map((e) => ({ start: e.start, end: e.end, lat: e.lat ?? null, lon: e.lon ?? null }));
        return JSON.stringify({ id: d.id, places });
      })
      .join('\n'),
  );
  return score('score-geo.mjs', [gold, pred, '--json-only', ...extra]);
}

async function pages() {
  const evalPagesModule = join(ROOT, 'scripts/eval-pages.ts');
  if (!existsSync(evalPagesModule)) return null;
  const { evalPages } = (await import(evalPagesModule)) as { evalPages: (dir: string) => Promise<unknown> };
  return evalPages(join(EVAL, 'pages'));
}

const f = (x: unknown) => (typeof x === 'number' ? x.toFixed(3) : '–');
type Prf = { p?: number; r?: number; f1?: number };

const index = loadNameIndex();
const results: Record<string, unknown> = { seed: seed(index) };
results.conll2003 = ner(index, join(EVAL, 'conll2003/test.jsonl'));
results.geowebnews = geo(index, join(EVAL, 'geowebnews/geowebnews.jsonl'));
results.lgl = geo(index, join(EVAL, 'lgl/lgl.jsonl'));
results.pages = await pages();
writeFileSync(join(ROOT, 'eval-results.json'), `${JSON.stringify(results, null, 2)}\n`);

const s = results.seed as { recall: number; linked: number; precision: number };
const c = results.conll2003 as { noMisc: Prf; perType: Record<string, Prf> };
const g = results.geowebnews as { recognition?: { exact?: Prf }; resolution?: { exact?: { acc161?: number } } };
const l = results.lgl as typeof g;
const rows = [
  ['set', 'metric', 'Backstory', 'target'],
  ['seed', 'recall / linked / precision', `${f(s.recall)} / ${f(s.linked)} / ${f(s.precision)}`, '1.00 / 1.00 / ≥0.95'],
  [
    'CoNLL-2003 test',
    'F1 noMisc (P / R)',
    `${f(c.noMisc.f1)} (${f(c.noMisc.p)} / ${f(c.noMisc.r)})`,
    '≥0.75 (compromise 0.483)',
  ],
  ['', 'F1 PER / LOC / ORG', `${f(c.perType.PER?.f1)} / ${f(c.perType.LOC?.f1)} / ${f(c.perType.ORG?.f1)}`, ''],
];
for (const [name, r] of [
  ['GeoWebNews', g],
  ['LGL', l],
] as const) {
  const rec = r.recognition?.exact ?? {};
  const res = r.resolution?.exact ?? {};
  rows.push([
    name,
    'toponym F1 exact (P / R)',
    `${f(rec.f1)} (${f(rec.p)} / ${f(rec.r)})`,
    name === 'LGL' ? '' : '≥0.75',
  ]);
  rows.push(['', 'acc@161km of recognized', f(res.acc161), name === 'LGL' ? '' : '≥0.85']);
}
const p = results.pages as { ours?: Record<string, number>; readability?: Record<string, number> } | null;
if (p?.ours) {
  rows.push([
    'pages',
    'accuracy / precision (ours | Readability)',
    `${f(p.ours.accuracy)} / ${f(p.ours.precision)} | ${f(p.readability?.accuracy)} / ${f(p.readability?.precision)}`,
    '≥0.98 / ≥0.95',
  ]);
  rows.push(['', 'text F1 (ours | Readability)', `${f(p.ours.textF1)} | ${f(p.readability?.textF1)}`, '≥0.95']);
  rows.push([
    '',
    'ms per page, median (ours | Readability)',
    `${f(p.ours.msMedian)} | ${f(p.readability?.msMedian)}`,
    'faster',
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
console.log('\nwrote eval-results.json');
