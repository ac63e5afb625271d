/**
 * The library section of `npm run bench`: saving pages (Readability through linkedom, recognition, IndexedDB),
 * and search, export and import over a 10,000-article library made from the real news texts in ../shared/eval.
 * IndexedDB is fake-indexeddb (in memory, in this process), so its records count in the heap numbers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveSnapshot } from '../../lib/background/save-article';
import type { ArticleRecord, BackstoryDb, SavedPageRecord } from '../../lib/db/schema';
import {
  atMost,
  type BenchContext,
  type BenchRow,
  type BenchSection,
  collectGarbage,
  median,
  percentile,
} from './bench-core';
import { loadDocuments } from './bench-corpus';

const LIBRARY_SIZE = 10_000;
const QUERIES = 300;
const SITES = Array.from({ length: 40 }, (_, i) => `outlet${i + 1}.example`);

/** A small deterministic generator (mulberry32), so every run builds the same library and queries. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `count` articles: each one a news text from the eval sets (CoNLL, GeoWebNews, LGL) followed by paragraphs of
 * two others, so the library has the vocabulary and names of real news and no two articles are the same.
 */
function makeLibrary(
  docs: string[],
  count: number,
  rand: () => number,
): { article: ArticleRecord; page: SavedPageRecord }[] {
  const out: { article: ArticleRecord; page: SavedPageRecord }[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const base = docs[i % docs.length];
    const extra = [docs[Math.floor(rand() * docs.length)], docs[Math.floor(rand() * docs.length)]].map((d) =>
      d
        .split(/(?<=[.!?])\s+/)
        .slice(0, 4)
        .join(' '),
    );
    const paragraphs = [base, ...extra].flatMap((t) => t.split(/\n+/)).filter((p) => p.trim());
    const text = paragraphs.join('\n\n');
    const firstSentence = base.split(/(?<=[.!?])\s/)[0] ?? base;
    const title = firstSentence.slice(0, 110);
    const site = SITES[Math.floor(rand() * SITES.length)];
    const id = `https://${site}/news/${i}`;
    const savedAt = start + Math.floor(rand() * 700 * 86_400_000);
    out.push({
      article: {
        id,
        url: id,
        title,
        site,
        text,
        visitedAt: savedAt,
        savedAt,
        entityIds: [],
        tags: rand() < 0.2 ? ['follow-up'] : [],
        names: [],
      },
      page: {
        id,
        html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
        urlKey: id,
        savedAt,
        updatedAt: savedAt,
      },
    });
  }
  return out;
}

/** Queries as readers type them: words and names from the texts, two-word queries, prefixes, accents, typos. */
function makeQueries(docs: string[], count: number, rand: () => number): string[] {
  const words = docs.flatMap((d) => d.match(/\b[A-Za-z][a-z]{3,}\b/g) ?? []).filter((_, i) => i % 7 === 0);
  const pick = () => words[Math.floor(rand() * words.length)];
  const accent = (w: string) => w.replace(/[aeiou]/, (v) => ({ a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü' })[v] ?? v);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = pick();
    switch (i % 5) {
      case 0:
        queries.push(w);
        break;
      case 1:
        queries.push(`${w} ${pick()}`);
        break;
      case 2:
        queries.push(w.slice(0, 4));
        break;
      case 3:
        queries.push(accent(w));
        break;
      default:
        queries.push(w.length > 6 ? w.slice(0, 3) + w.slice(4) : w);
    }
  }
  return queries;
}

/** Runs `work` while sampling the heap and native memory; the peaks are above the level before it started. */
async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; heapMb: number; rssMb: number }> {
  collectGarbage();
  const before = process.memoryUsage();
  let heap = before.heapUsed;
  let rss = before.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 10);
  const t = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - t;
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
    return { value, ms, heapMb: (heap - before.heapUsed) / 1e6, rssMb: (rss - before.rss) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  // Loaded here, not at the top: the other sections never touch IndexedDB.
  const fake = await import('fake-indexeddb');
  Object.assign(globalThis, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
  const { openDb } = await import('../../lib/db/schema');
  const { listLibrary } = await import('../../lib/db/library');
  const { loadSearch, storeSearch, syncSearch } = await import('../../lib/db/library-search');
  const { exportLibrary, importLibrary } = await import('../../lib/db/library-transfer');
  const { matchesFilter } = await import('../../lib/library/filters');
  const { blobOf, textChunks } = await import('../../lib/library/stream');
  const rows: BenchRow[] = [];
  const size = ctx.options.quick ? 2_000 : LIBRARY_SIZE;

  // ---- Saving pages: the seed article and the Readability test pages ----
  const index = ctx.index();
  const pages: { name: string; html: string }[] = [
    {
      name: 'seed',
      html: readFileSync(join(ctx.root, 'tests/fixtures/site/news/us-forces-evacuate-syria-bases.html'), 'utf8'),
    },
  ];
  const pagesDir = join(ctx.evalDir, 'pages');
  for (const name of existsSync(pagesDir) ? readdirSync(pagesDir).sort() : []) {
    const file = join(pagesDir, name, 'source.html');
    if (existsSync(file)) pages.push({ name, html: readFileSync(file, 'utf8') });
  }
  const saveDb = openDb(`bench-save-${Date.now()}`);
  const deps = { db: saveDb, nameIndex: async () => index, now: Date.now };
  const saveTimes: number[] = [];
  const failures: string[] = [];
  let slowest = { name: '', ms: 0 };
  for (const round of [0, 1]) {
    for (const page of pages) {
      const t = performance.now();
      try {
        await saveSnapshot(deps, { url: `https://pages.example/${page.name}`, title: page.name, html: page.html });
      } catch (error) {
        if (round === 0) failures.push(`${page.name}: ${error instanceof Error ? error.message : error}`);
        continue;
      }
      const ms = performance.now() - t;
      // Round 0 warms up the JIT; round 1 (a re-save, the update path) is measured too: both are real saves.
      saveTimes.push(ms);
      if (ms > slowest.ms) slowest = { name: page.name, ms };
    }
  }
  const seedMs = saveTimes[0];
  rows.push({
    metric: 'save one article: p95 (seed + eval pages, 2 rounds)',
    unit: 'ms',
    backstory: percentile(saveTimes, 0.95),
    target: atMost(percentile(saveTimes, 0.95), 200, 'ms'),
    note: `median ${median(saveTimes).toFixed(1)} ms, max ${slowest.ms.toFixed(0)} ms (${slowest.name}), seed ${seedMs?.toFixed(0)} ms (cold); ${pages.length - failures.length}/${pages.length} pages saved`,
    details: { failures, samples: saveTimes.length },
  });

  // ---- A 10,000-article library ----
  const docs = loadDocuments(ctx.evalDir);
  const rand = random(20261125);
  let library = makeLibrary(docs, size, rand);
  const db = openDb(`bench-library-${Date.now()}`);
  for (let i = 0; i < library.length; i += 500) {
    const batch = library.slice(i, i + 500);
    await db.transaction('rw', db.articles, db.savedPages, async () => {
      await db.articles.bulkPut(batch.map((b) => b.article));
      await db.savedPages.bulkPut(batch.map((b) => b.page));
    });
  }
  const textMb = library.reduce((n, b) => n + b.article.text.length + b.page.html.length, 0) / 1e6;
  library = [];

  let t = performance.now();
  const search = await loadSearch(db);
  await syncSearch(db, search);
  const buildMs = performance.now() - t;
  t = performance.now();
  await storeSearch(db, search);
  const storeMs = performance.now() - t;
  t = performance.now();
  const reloaded = await loadSearch(db);
  const changed = await syncSearch(db, reloaded);
  const loadMs = performance.now() - t;
  rows.push({
    metric: `search index: build from ${size.toLocaleString('en-US')} articles`,
    unit: 'ms',
    backstory: buildMs,
    note: `store ${storeMs.toFixed(0)} ms, reload + check ${loadMs.toFixed(0)} ms (${changed} changed); ${textMb.toFixed(0)} MB of text and HTML`,
  });

  // A query as the library page runs it: search with the list's filter, then read the top 20 rows' records.
  const items = await listLibrary(db);
  const byId = new Map(items.map((i) => [i.id, i]));
  const queries = makeQueries(docs, QUERIES, rand);
  const queryTimes: number[] = [];
  let hits = 0;
  // As in the page, where the index was loaded and used before: a few other queries first, and no garbage of
  // the library's construction left to collect.
  for (const query of makeQueries(docs, 30, rand)) reloaded.search(query);
  collectGarbage();
  for (const [i, query] of queries.entries()) {
    const filter = i % 4 === 0 ? { site: SITES[i % SITES.length] } : {};
    const started = performance.now();
    const found = reloaded.search(query, (id) => {
      const item = byId.get(id);
      return item !== undefined && matchesFilter(item, filter);
    });
    await db.articles.bulkGet(found.slice(0, 20).map((h) => h.id));
    queryTimes.push(performance.now() - started);
    hits += found.length;
  }
  const p95 = percentile(queryTimes, 0.95);
  rows.push({
    metric: `search ${size.toLocaleString('en-US')} articles: p95 per query`,
    unit: 'ms',
    backstory: p95,
    target: atMost(p95, 50, 'ms'),
    note: `median ${median(queryTimes).toFixed(1)} ms, max ${Math.max(...queryTimes).toFixed(0)} ms over ${QUERIES} queries (words, pairs, prefixes, accents, typos; 1 in 4 filtered by site); ${(hits / QUERIES).toFixed(0)} hits each on average`,
    details: { queries: queries.slice(0, 20) },
  });

  // ---- Export and import ----
  const exported = await withPeakMemory(() => blobOf(exportLibrary(db, { now: new Date() }), 'application/json'));
  const fileMb = exported.value.size / 1e6;
  rows.push({
    metric: `export ${size.toLocaleString('en-US')} articles`,
    unit: 'ms',
    backstory: exported.ms,
    target: atMost(exported.ms / 1000, 20, 's'),
    note: `file ${fileMb.toFixed(0)} MB; peak heap +${exported.heapMb.toFixed(0)} MB, rss +${exported.rssMb.toFixed(0)} MB`,
  });
  // The first pass of an import reads and validates the whole file without writing: its memory is the reader's.
  const { readExport } = await import('../../lib/library/export-format');
  const validated = await withPeakMemory(async () => {
    let records = 0;
    for await (const item of readExport(textChunks(exported.value))) if (item.kind === 'record') records++;
    return records;
  });
  rows.push({
    metric: `import: read and validate the ${fileMb.toFixed(0)} MB file`,
    unit: 'ms',
    backstory: validated.ms,
    note: `${validated.value} records; peak heap +${validated.heapMb.toFixed(0)} MB, rss +${validated.rssMb.toFixed(0)} MB (one line at a time, not the whole file)`,
  });
  const target = openDb(`bench-import-${Date.now()}`);
  const imported = await withPeakMemory(() => importLibrary(target, () => textChunks(exported.value)));
  const count = await target.savedPages.count();
  rows.push({
    metric: `import ${size.toLocaleString('en-US')} articles (validate, then write)`,
    unit: 'ms',
    backstory: imported.ms,
    target: atMost(imported.ms / 1000, 20, 's'),
    note: `${count} saved copies written; peak heap +${imported.heapMb.toFixed(0)} MB (includes the ${fileMb.toFixed(0)} MB written into the in-memory fake IndexedDB), rss +${imported.rssMb.toFixed(0)} MB`,
  });
  for (const d of [saveDb, db, target] as BackstoryDb[]) d.close();
  const chromiumRow = await searchInChromium(ctx, docs, size).catch((error: unknown) => ({
    metric: `search ${size.toLocaleString('en-US')} articles in Chromium: p95 per query`,
    unit: 'ms',
    backstory: Number.NaN,
    note: `not measured: ${error instanceof Error ? error.message : String(error)}`,
  }));
  rows.splice(3, 0, chromiumRow);
  return rows;
}

/**
 * The same search in Chromium's V8, as the library page runs it: lib/library/search-index.ts bundled as is,
 * the same generated library and queries, indexed and searched in a blank page (no IndexedDB: the query itself).
 */
async function searchInChromium(ctx: BenchContext, docs: string[], size: number): Promise<BenchRow> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}`);
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const bundle = await build({
    entryPoints: [join(ctx.root, 'lib/library/search-index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'SearchIndex',
    write: false,
    logLevel: 'silent',
  });
  const rand = random(20261125);
  const library = makeLibrary(docs, size, rand).map((b) => ({
    id: b.article.id,
    title: b.article.title,
    text: b.article.text,
    site: b.article.site,
  }));
  const queries = makeQueries(docs, QUERIES, rand);
  const warmup = makeQueries(docs, 30, rand);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>search</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const result = await page.evaluate(
      ({ library, queries, warmup }) => {
        const w = window as unknown as {
          SearchIndex: {
            LibrarySearch: { empty(): { put(d: unknown, v: number): void; search(q: string): unknown[] } };
          };
        };
        const search = w.SearchIndex.LibrarySearch.empty();
        let t = performance.now();
        for (const doc of library) search.put(doc, 1);
        const buildMs = performance.now() - t;
        for (const q of warmup) search.search(q);
        const times: number[] = [];
        for (const q of queries) {
          t = performance.now();
          search.search(q);
          times.push(performance.now() - t);
        }
        return { buildMs, times };
      },
      { library, queries, warmup },
    );
    const p95 = percentile(result.times, 0.95);
    return {
      metric: `search ${size.toLocaleString('en-US')} articles in Chromium: p95 per query`,
      unit: 'ms',
      backstory: p95,
      target: atMost(p95, 50, 'ms'),
      note: `median ${median(result.times).toFixed(1)} ms, max ${Math.max(...result.times).toFixed(0)} ms; same library and queries, search only; index built in ${(result.buildMs / 1000).toFixed(1)} s`,
    };
  } finally {
    await browser.close();
  }
}

export const librarySection: BenchSection = {
  id: 'library',
  title: 'Library: save, search, export and import',
  run,
};
