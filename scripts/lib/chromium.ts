/**
 * Launching Debian's Chromium with the built extension (playwright-core, no downloaded browser) and
 * serving local pages on 127.0.0.1: shared by `npm start`, the end-to-end tests and the benchmark.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Where `wxt build` writes; BACKSTORY_OUT_DIR lets parallel builds (and their e2e runs) use their own folder. */
export const OUTPUT_DIR = resolve(ROOT, process.env.BACKSTORY_OUT_DIR ?? '.output');
export const EXTENSION_DIR = join(OUTPUT_DIR, 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

/** Serves folders under URL prefixes, e.g. { '/': 'tests/fixtures/site' }, on 127.0.0.1 at a free port. */
export async function serveFolders(mounts: Record<string, string>): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((p) => path.startsWith(p));
    if (!prefix) return void res.writeHead(404).end('not found');
    let file = normalize(join(mounts[prefix], path.slice(prefix.length)));
    if (!file.startsWith(normalize(mounts[prefix]))) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, path.endsWith('/') ? 'index.html' : 'source.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, server };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/**
 * Makes every host name but the local server's fail at once: the eval pages link fonts, scripts and images
 * on their original sites, and waiting on those (or reaching them) would make timings noisy and slow.
 */
export const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];

export interface LaunchOptions {
  headless?: boolean;
  /** Extra Chromium flags (e.g. OFFLINE_ARGS). */
  args?: string[];
}

/** Launches Chromium with the built extension and waits for its service worker. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-e2e-')), {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: options.headless === false ? null : { width: 1280, height: 900 },
    args: [
      ...(options.args ?? []),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/** Launches the same Chromium without any extension: the baseline a page's own long tasks are measured on. */
export async function launchPlain(options: LaunchOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-plain-')), {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [...(options.args ?? []), '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
}

/** A tab's state as the background recorded it in storage.session, found by the page's URL. */
export async function tabStateFor(
  worker: Worker,
  url: string,
): Promise<{ tabId: number; state: { status: string } } | null> {
  return worker.evaluate(async (pageUrl) => {
    const all = await chrome.storage.session.get(null);
    for (const [key, value] of Object.entries(all)) {
      const state = value as { url?: string; status?: string };
      if (key.startsWith('tab:') && key !== 'tab:last' && state.url === pageUrl) {
        return { tabId: Number(key.slice(4)), state: state as { status: string } };
      }
    }
    return null;
  }, url);
}

/** Waits until the background has recorded a state for the page. */
export async function waitForTabState(worker: Worker, url: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = await tabStateFor(worker, url);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab state for ${url} after ${timeoutMs} ms`);
}

declare const chrome: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
};

/** What `instrumentPage` records in a page, read back with `readPageMetrics`. */
export interface PageMetrics {
  /** performance.now() at DOMContentLoaded (start of the event) and at load. */
  domContentLoaded: number | null;
  /** Long tasks (≥ 50 ms) of the page's main thread, from a buffered PerformanceObserver. */
  longTasks: { start: number; duration: number }[];
  /** Long animation frames, with the scripts Chromium attributes to them (it lists page scripts, not extensions'). */
  frames: {
    start: number;
    duration: number;
    blocking: number;
    scripts: { url: string; duration: number; start: number; invoker: string }[];
  }[];
  /** When the first and the last <bs-mention> entered the DOM (performance.now()), and how many did. */
  firstMark: number | null;
  lastMark: number | null;
  marksAdded: number;
}

/**
 * Registers observers in the page's main world before any of its scripts run: long tasks, long animation
 * frames, and a MutationObserver (from DOMContentLoaded, so the parser's own insertions cost nothing) that
 * notes when marks appear. The extension itself records nothing in the page: a `performance.mark` would be
 * visible to the site's analytics scripts.
 */
export async function instrumentPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const m = {
      domContentLoaded: null as number | null,
      longTasks: [] as { start: number; duration: number }[],
      frames: [] as unknown[],
      firstMark: null as number | null,
      lastMark: null as number | null,
      marksAdded: 0,
    };
    Object.defineProperty(window, '__backstoryMetrics', { value: m, enumerable: false });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) m.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {}
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {
          startTime: number;
          duration: number;
          blockingDuration: number;
          scripts: { sourceURL: string; duration: number; startTime: number; invoker: string }[];
        }[]) {
          m.frames.push({
            start: e.startTime,
            duration: e.duration,
            blocking: e.blockingDuration,
            scripts: e.scripts.map((s) => ({
              url: s.sourceURL,
              duration: s.duration,
              start: s.startTime,
              invoker: s.invoker,
            })),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {}
    document.addEventListener('DOMContentLoaded', () => {
      m.domContentLoaded = performance.now();
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node.nodeName !== 'BS-MENTION') continue;
            const t = performance.now();
            m.firstMark ??= t;
            m.lastMark = t;
            m.marksAdded++;
          }
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    });
  });
}

/** Reads what `instrumentPage` recorded. */
export async function readPageMetrics(page: Page): Promise<PageMetrics> {
  return page.evaluate(() => {
    const m = (window as unknown as { __backstoryMetrics?: PageMetricsShape }).__backstoryMetrics;
    type PageMetricsShape = Record<string, unknown>;
    return JSON.parse(JSON.stringify(m ?? {}));
  }) as Promise<PageMetrics>;
}

/**
 * Waits until the background has written the knowledge base into IndexedDB (`meta` key "kb" says done).
 * On a fresh profile that install runs for several seconds after start-up and takes a CPU core: timings taken
 * meanwhile measure the machine's contention, not the page.
 */
export async function waitForKbInstalled(worker: Worker, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const status = await worker.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('backstory');
          open.onerror = () => resolve('no database');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('meta')) return resolve('no meta');
            const get = db.transaction('meta').objectStore('meta').get('kb');
            get.onsuccess = () => {
              resolve((get.result as { value?: { status?: string } } | undefined)?.value?.status ?? 'none');
              db.close();
            };
            get.onerror = () => resolve('error');
          };
        }),
    );
    if (status === 'done') return Date.now() - started;
    if (status === 'failed') throw new Error('the knowledge base install failed');
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the knowledge base was not installed after ${timeoutMs} ms`);
}

/**
 * Waits until Backstory has read a page: the background recorded its tab state, and (for an article) no mark
 * has been added for `quietMs`. Needs `instrumentPage`. Resolves to the tab state.
 */
export async function waitForPageRead(
  worker: Worker,
  page: Page,
  url: string,
  options: { timeoutMs?: number; quietMs?: number } = {},
): Promise<{ tabId: number; state: { status: string } }> {
  const timeout = options.timeoutMs ?? 20_000;
  const quiet = options.quietMs ?? 300;
  const until = Date.now() + timeout;
  const found = await waitForTabState(worker, url, timeout);
  if (found.state.status !== 'article') return found;
  // Marks follow the background's answer within a few tasks: wait until none was added for `quiet` ms.
  let polls = 0;
  while (Date.now() < until) {
    const { lastMark, now } = await page.evaluate(() => ({
      lastMark:
        (window as unknown as { __backstoryMetrics?: { lastMark: number | null } }).__backstoryMetrics?.lastMark ??
        null,
      now: performance.now(),
    }));
    if (lastMark === null) {
      // An article with nothing to mark: give highlighting a few quiet periods before concluding so.
      if (++polls * 100 >= quiet * 3) return found;
      await page.waitForTimeout(100);
    } else if (now - lastMark >= quiet) {
      return found;
    } else {
      await page.waitForTimeout(Math.max(20, quiet - (now - lastMark)));
    }
  }
  return found;
}
