/**
 * Every eval page (../shared/eval/pages, 58 real pages) in real Chromium with the built extension: no error
 * from the extension, the page's text unchanged, marks on articles and none on other pages. Nothing here is
 * timed: every wait is for a state (the content script says it is done), and the page's clock starts at the same
 * instant in every run, so a page whose script writes the time writes the same text with and without us. Long
 * tasks and blocking time are measured by `npm run bench -- --only=in-page`, side by side with the pages alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ARTIFACTS_DIR,
  type ExtensionBrowser,
  launchPlain,
  launchWithExtension,
  OFFLINE_ARGS,
  ROOT,
  serveFolders,
  startPageClockAt,
  textBeforeAndAfter,
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

interface Visit {
  errors: string[];
  status: string;
  marks: number;
  /** Names the background recorded for the article (0 for other pages). */
  names: number;
  served: string;
  now: string;
}

interface Row {
  name: string;
  readerable: boolean;
  status: string;
  marks: number;
  names: number;
}

let ext: ExtensionBrowser;
let plain: BrowserContext;
let origin: string;
let server: Server;
const rows: Row[] = [];
/** Each page's body text without the extension, for pages whose own scripts change their text. */
const baselineText = new Map<string, string>();
let started = 0;
/** Where every page's clock starts (any fixed instant: a page that prints the time prints the same in each run). */
const PAGE_CLOCK_START = Date.UTC(2026, 0, 15, 12, 0, 0);

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
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const summary = { pages: rows.length, seconds: Math.round((Date.now() - started) / 1000), rows };
  writeFileSync(join(ARTIFACTS_DIR, 'eval-pages.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const marked = rows.filter((r) => r.marks > 0).length;
  console.log(`eval pages: ${summary.pages} pages in ${summary.seconds} s, ${marked} with marks`);
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
    await startPageClockAt(page, PAGE_CLOCK_START);
    const url = `${origin}/${name}`;
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => page.waitForLoadState('domcontentloaded'));
    let status = 'none';
    let names = 0;
    if (withExtension) {
      const { tabId, state } = await waitForPageRead(ext.worker, url);
      status = state.status;
      names = status === 'article' ? await namesRecorded(tabId) : 0;
    } else {
      // The page's own work right after load (it writes text once, early: see PAGE_CLOCK_START for its time).
      await page.waitForTimeout(400);
    }
    const marks = await page.locator('bs-mention').count();
    const { served, now } = await textBeforeAndAfter(page);
    return { errors, status, marks, names, served, now };
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
      const run = await visit(ext.context, name, true);
      rows.push({ name, readerable: meta.readerable, status: run.status, marks: run.marks, names: run.names });

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
    });
  }
});
