/**
 * Every eval page (../shared/eval/pages, 58 real pages) in real Chromium with the built extension: no error
 * from the extension, the page's text unchanged, marks on articles and none on other pages, and no long task
 * (> 50 ms) caused by the extension. One browser, pages in sequence, after the knowledge base is installed:
 * that install takes a core for about 40 s on a fresh profile, and timings taken meanwhile would measure it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { percentile } from '../../scripts/lib/bench-core';
import {
  ARTIFACTS_DIR,
  type ExtensionBrowser,
  instrumentPage,
  launchPlain,
  launchWithExtension,
  OFFLINE_ARGS,
  type PageMetrics,
  ROOT,
  readPageMetrics,
  serveFolders,
  textBeforeAndAfter,
  waitForIdleCpu,
  waitForKbInstalled,
  waitForPageRead,
} from './harness';

const PAGES_DIR = join(ROOT, '../shared/eval/pages');
const PAGES = existsSync(PAGES_DIR)
  ? readdirSync(PAGES_DIR)
      .filter((name) => existsSync(join(PAGES_DIR, name, 'source.html')))
      .sort()
  : [];

/**
 * Articles where no mark is right although names were recognized: ietf-1 is an RFC whose whole text is in
 * <pre>, where marks never go (lib/highlight NEVER_HIGHLIGHT_INSIDE).
 */
const NO_MARKS_EXPECTED = new Set(['ietf-1']);

/** A long task is the extension's when, without page scripts, it would still be longer than this. */
const LONG_TASK_MS = 50;
/** Runs with the extension that must all show an unexplained long task before it counts as the extension's. */
const RUNS_WITH_LONG_TASKS = 3;

interface Visit {
  errors: string[];
  status: string;
  marks: number;
  /** Names the background recorded for the article (0 for other pages). */
  names: number;
  served: string;
  now: string;
  metrics: PageMetrics;
}

interface Row {
  name: string;
  readerable: boolean;
  status: string;
  marks: number;
  names: number;
  firstHighlightMs: number | null;
  extensionLongTasks: { start: number; duration: number }[];
  /** Runs with the extension it took (more than one when a run showed an unexplained long task). */
  runs: number;
  /** For a page with long tasks left: all its long tasks after DOMContentLoaded, to look into. */
  longTasksAfterDcl?: { start: number; duration: number }[];
}

let ext: ExtensionBrowser;
let plain: BrowserContext;
let origin: string;
let server: Server;
const rows: Row[] = [];
/** Each page's body text without the extension, for pages whose own scripts change their text. */
const baselineText = new Map<string, string>();
let started = 0;

beforeAll(async () => {
  started = Date.now();
  ({ origin, server } = await serveFolders({ '/': PAGES_DIR }));
  [ext, plain] = await Promise.all([launchWithExtension({ args: OFFLINE_ARGS }), launchPlain({ args: OFFLINE_ARGS })]);
  // The first page wakes the knowledge-base load; its install into IndexedDB then takes a core for a while.
  // Meanwhile the pages are loaded without the extension for their text, which timing does not matter to.
  const warm = await ext.context.newPage();
  await warm.goto(`${origin}/${PAGES[0]}`);
  const installed = waitForKbInstalled(ext.worker, 150_000);
  for (const name of PAGES) baselineText.set(name, (await visit(plain, name, false)).now);
  await installed;
  await warm.close();
}, 240_000);

afterAll(async () => {
  await ext?.context.close();
  await plain?.close();
  server?.close();
  if (rows.length === 0) return;
  const times = rows.flatMap((r) => (r.firstHighlightMs === null ? [] : [r.firstHighlightMs]));
  const summary = {
    pages: rows.length,
    seconds: Math.round((Date.now() - started) / 1000),
    firstHighlightMs: times.length
      ? { median: Math.round(percentile(times, 0.5)), p95: Math.round(percentile(times, 0.95)), pages: times.length }
      : null,
    extensionLongTasks: rows.reduce((n, r) => n + r.extensionLongTasks.length, 0),
    /** Pages whose first run showed a long task the baseline did not explain, so they were run again. */
    rerun: rows.filter((r) => r.runs > 1).map((r) => r.name),
    rows,
  };
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(join(ARTIFACTS_DIR, 'eval-pages.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `eval pages: ${summary.pages} pages in ${summary.seconds} s; DOMContentLoaded → first highlight ` +
      `median ${summary.firstHighlightMs?.median} ms, p95 ${summary.firstHighlightMs?.p95} ms; ` +
      `extension long tasks: ${summary.extensionLongTasks}; run again: ${summary.rerun.join(', ') || 'none'}`,
  );
});

/** Loads one page, waits until Backstory has read it, and collects what the checks need. */
async function visit(context: BrowserContext, name: string, withExtension: boolean): Promise<Visit> {
  // Every visit starts without cookies: bbc-1 writes a <script> into its text only until a cookie it sets says
  // not to, so a second visit would differ from the first for reasons that have nothing to do with us.
  await context.clearCookies();
  const page = await context.newPage();
  const errors: string[] = [];
  const fromExtension = (text: string) => text.includes('chrome-extension://');
  page.on('pageerror', (error) => {
    if (fromExtension(`${error.stack ?? ''} ${error.message}`)) errors.push(`page error: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && fromExtension(`${message.location().url} ${message.text()}`)) {
      errors.push(`console: ${message.text()}`);
    }
  });
  try {
    await instrumentPage(page);
    const url = `${origin}/${name}`;
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => page.waitForLoadState('domcontentloaded'));
    let status = 'none';
    let names = 0;
    if (withExtension) {
      const { tabId, state } = await waitForPageRead(ext.worker, page, url);
      status = state.status;
      names = status === 'article' ? await namesRecorded(tabId) : 0;
    } else {
      // The page's own work right after load, about as long as the extension's reading takes.
      await page.waitForTimeout(400);
    }
    // Metrics first: parsing the served HTML for the text check is itself a long task on a big page.
    const metrics = await readPageMetrics(page);
    const marks = await page.locator('bs-mention').count();
    const { served, now } = await textBeforeAndAfter(page);
    return { errors, status, marks, names, served, now, metrics };
  } finally {
    await page.close();
  }
}

/** How many names the background recorded for the article the tab shows. */
async function namesRecorded(tabId: number): Promise<number> {
  return ext.worker.evaluate(async (id) => {
    const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { articleId?: string };
    if (!state?.articleId) return 0;
    return new Promise<number>((resolve) => {
      const open = indexedDB.open('backstory');
      open.onsuccess = () => {
        const get = open.result
          .transaction('articles')
          .objectStore('articles')
          .get(state.articleId as string);
        get.onsuccess = () => {
          resolve((get.result as { names?: unknown[] } | undefined)?.names?.length ?? 0);
          open.result.close();
        };
        get.onerror = () => resolve(0);
      };
      open.onerror = () => resolve(0);
    });
  }, tabId);
}

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

/**
 * Long tasks after DOMContentLoaded (the content script runs at document_idle, after it) that page scripts do
 * not explain: Chromium's long-animation-frame entries list the page's scripts with their durations (never an
 * extension's), so a task whose page-script time leaves less than 50 ms is the page's own.
 */
function unexplainedLongTasks(metrics: PageMetrics): { start: number; duration: number }[] {
  const from = metrics.domContentLoaded ?? 0;
  return metrics.longTasks.filter((task) => {
    if (task.start < from) return false;
    const end = task.start + task.duration;
    let pageScripts = 0;
    for (const frame of metrics.frames) {
      for (const script of frame.scripts) {
        if (script.url.startsWith('chrome-extension://')) continue;
        const overlap = Math.min(end, script.start + script.duration) - Math.max(task.start, script.start);
        if (overlap > 0) pageScripts += overlap;
      }
    }
    return task.duration - pageScripts > LONG_TASK_MS;
  });
}

/** Long tasks at the same time after DOMContentLoaded (± 300 ms) in the run without the extension. */
function matchedInBaseline(
  tasks: { start: number; duration: number }[],
  withExt: PageMetrics,
  baseline: PageMetrics,
): { start: number; duration: number }[] {
  const offset = (m: PageMetrics, t: { start: number }) => t.start - (m.domContentLoaded ?? 0);
  const base = unexplainedLongTasks(baseline);
  return tasks.filter((task) => !base.some((b) => Math.abs(offset(baseline, b) - offset(withExt, task)) <= 300));
}

/** Text with cache-busting timestamps (10+ digits, e.g. `?cb=1795626530873` from document.write) blanked. */
function withoutTimestamps(text: string): string {
  return text.replace(/\d{10,}/g, '#');
}

describe.skipIf(PAGES.length === 0)('every eval page in Chromium with the extension', () => {
  for (const name of PAGES) {
    test(name, async () => {
      const meta = JSON.parse(readFileSync(join(PAGES_DIR, name, 'expected-metadata.json'), 'utf8')) as {
        readerable: boolean;
      };
      let run = await visit(ext.context, name, true);
      let baseline: Visit | undefined;
      let longTasks = unexplainedLongTasks(run.metrics);
      let runs = 1;
      // A long task that the page has on its own (the run without the extension), or that does not come back
      // in every one of RUNS_WITH_LONG_TASKS runs, is not the extension's: ours are the same work each time,
      // while on this 2-core machine another process's work (or a collection of the previous pages' garbage
      // in the shared renderer) now and then stretches a 15 ms task past 50 ms.
      while (longTasks.length > 0) {
        baseline ??= await visit(plain, name, false);
        longTasks = matchedInBaseline(longTasks, run.metrics, baseline.metrics);
        if (longTasks.length === 0 || runs >= RUNS_WITH_LONG_TASKS) break;
        await waitForIdleCpu();
        run = await visit(ext.context, name, true);
        runs++;
        longTasks = unexplainedLongTasks(run.metrics);
      }
      const m = run.metrics;
      rows.push({
        name,
        readerable: meta.readerable,
        status: run.status,
        marks: run.marks,
        names: run.names,
        firstHighlightMs:
          m.firstMark !== null && m.domContentLoaded !== null ? Math.round(m.firstMark - m.domContentLoaded) : null,
        extensionLongTasks: longTasks,
        runs,
        ...(longTasks.length > 0 && {
          longTasksAfterDcl: m.longTasks.filter((t) => t.start >= (m.domContentLoaded ?? 0) - 100),
        }),
      });

      expect(run.errors, 'errors from the extension').toEqual([]);
      expect(run.status, 'tab state').toBe(meta.readerable ? 'article' : 'not-article');
      if (!meta.readerable) {
        expect(run.marks, 'marks on a page that is not an article').toBe(0);
      } else if (run.names > 0 && !NO_MARKS_EXPECTED.has(name)) {
        expect(run.marks, 'marks on an article with recognized names').toBeGreaterThan(0);
      }
      if (run.now !== run.served) {
        // The page's own scripts changed its text: compare with the same page loaded without the extension.
        expect(withoutTimestamps(run.now), 'body text, compared with the page without the extension').toBe(
          withoutTimestamps(baselineText.get(name) ?? ''),
        );
      }
      expect(longTasks, 'long tasks caused by the extension').toEqual([]);
    });
  }
});
