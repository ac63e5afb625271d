/**
 * Launching Debian's Chromium with the built extension (playwright-core, no downloaded browser) and
 * serving local pages on 127.0.0.1: shared by `npm start`, the end-to-end tests and the benchmark.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { KB_META_KEY, type KbInstallState } from '../../lib/db/install-kb';

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

/**
 * A tab's state as the background recorded it in storage.session, found by the page's URL: of the tabs still
 * open, the newest. A closed tab's state may outlive it for a moment (the background clears it when it hears of
 * the close), and a test that opens the same URL again must not wait on the closed tab.
 */
export async function tabStateFor(
  worker: Worker,
  url: string,
): Promise<{ tabId: number; state: { status: string } } | null> {
  return worker.evaluate(async (pageUrl) => {
    const all = await chrome.storage.session.get(null);
    const open = new Set((await chrome.tabs.query({})).map((t) => t.id));
    let found: { tabId: number; state: { status: string } } | null = null;
    for (const [key, value] of Object.entries(all)) {
      const state = value as { url?: string; status?: string };
      if (!key.startsWith('tab:') || key === 'tab:last' || state.url !== pageUrl) continue;
      const tabId = Number(key.slice(4));
      if (open.has(tabId) && (!found || tabId > found.tabId)) found = { tabId, state: state as { status: string } };
    }
    return found;
  }, url);
}

/** Waits until the background has recorded a state for the page. */
export async function waitForTabState(worker: Worker, url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    // A stopped worker cannot answer until an event starts it again (the page's first message does).
    const found = await tabStateFor(worker, url).catch(() => null);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab state for ${url} after ${timeoutMs} ms`);
}

declare const chrome: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  tabs: { query(filter: object): Promise<{ id?: number }[]> };
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
 * Makes the page's clock (Date in its main world) start at `startMs` and run on from there, so the text a page
 * script writes from the time (a date line, a five-minute cache bucket) is the same in every run. Timers and
 * performance.now() are left alone: the page behaves as it would, and a script that waits on Date still ends.
 * Our content script runs in its own world and keeps the real Date.
 */
export async function startPageClockAt(page: Page, startMs: number): Promise<void> {
  await page.addInitScript((start: number) => {
    const RealDate = Date;
    const t0 = performance.now();
    const now = () => Math.floor(start + performance.now() - t0);
    const PageDate = new Proxy(RealDate, {
      construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
      apply: () => new RealDate(now()).toString(),
      get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
    });
    Object.defineProperty(window, 'Date', { value: PageDate, writable: true, configurable: true });
  }, startMs);
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
 * Reads one record of the extension's IndexedDB from the service worker; undefined while the database or the
 * store does not exist yet (the worker creates them on its first start).
 */
export async function readRecord<T>(worker: Worker, store: string, key: string): Promise<T | undefined> {
  return worker.evaluate(
    ({ store, key }) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            return resolve(undefined);
          }
          const get = db.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => {
            resolve(get.result as T | undefined);
            db.close();
          };
          get.onerror = () => {
            reject(get.error);
            db.close();
          };
        };
      }),
    { store, key },
  );
}

/** The knowledge-base install's own record (`meta` "kb", written by lib/db/install-kb), if there is one yet. */
export async function readKbInstallState(worker: Worker): Promise<KbInstallState | undefined> {
  const record = await readRecord<{ value?: KbInstallState }>(worker, 'meta', KB_META_KEY).catch(() => undefined);
  return record?.value;
}

/** How long the last knowledge-base install took (its record's startedAt → updatedAt), in ms. */
export async function kbInstallMs(worker: Worker): Promise<number | null> {
  const state = await readKbInstallState(worker);
  return state?.startedAt && state.updatedAt ? state.updatedAt - state.startedAt : null;
}

/**
 * Waits until the background has written the knowledge base into IndexedDB (`meta` key "kb" says done).
 * On a fresh profile that install runs for several seconds after start-up and takes a CPU core: timings taken
 * meanwhile measure the machine's contention, not the page.
 */
export async function waitForKbInstalled(worker: Worker, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const status = (await readKbInstallState(worker))?.status;
    if (status === 'done') return Date.now() - started;
    if (status === 'failed') throw new Error('the knowledge base install failed');
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the knowledge base was not installed after ${timeoutMs} ms`);
}

/**
 * Sends one of our messages to a tab's content script from the service worker, in @webext-core/messaging's
 * wire format: the same path the keyboard command and the popup take. Resolves to the handler's answer.
 */
export async function sendToTab<T>(worker: Worker, tabId: number, type: string, data: unknown): Promise<T> {
  const reply = await worker.evaluate(
    ({ tabId, type, data }) =>
      new Promise<{ res?: unknown; err?: unknown }>((resolve) =>
        (
          globalThis as unknown as {
            chrome: { tabs: { sendMessage(id: number, m: unknown, cb: (r: unknown) => void): void } };
          }
        ).chrome.tabs.sendMessage(tabId, { id: Date.now(), type, data, timestamp: Date.now() }, (r) =>
          resolve((r ?? { err: 'no answer' }) as { res?: unknown; err?: unknown }),
        ),
      ),
    { tabId, type, data },
  );
  if (reply.err !== undefined) throw new Error(`${type}: ${JSON.stringify(reply.err)}`);
  return reply.res as T;
}

/** What the content script says of its page (`getPageHighlighting`): the fields the harness reads. */
export interface PageReadState {
  status: 'article' | 'not-article' | 'working' | 'error';
  marks: number;
  busy: boolean;
}

/**
 * Waits until the content script in a tab says it is not busy: reading done and every mark written (or removed).
 * No quiet period is guessed, so a busy machine only makes the wait longer. Resolves to what it said last.
 */
export async function waitUntilPageIdle(worker: Worker, tabId: number, timeoutMs = 60_000): Promise<PageReadState> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const answer = await sendToTab<{ ok: boolean; value?: PageReadState; error?: string }>(
        worker,
        tabId,
        'getPageHighlighting',
        undefined,
      );
      last = answer;
      if (answer.ok && answer.value && !answer.value.busy) return answer.value;
    } catch (error) {
      // The content script is not listening yet (or the page is navigating): ask again.
      last = error instanceof Error ? error.message : error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`tab ${tabId} still busy after ${timeoutMs} ms (last answer: ${JSON.stringify(last)})`);
}

/**
 * Waits until Backstory has read the page at `url`: the background recorded its tab state, and the content
 * script is done with it (`waitUntilPageIdle`). Resolves to the tab state and what the content script said.
 */
export async function waitForPageRead(
  worker: Worker,
  url: string,
  timeoutMs = 60_000,
): Promise<{ tabId: number; state: { status: string }; page: PageReadState }> {
  const found = await waitForTabState(worker, url, timeoutMs);
  return { ...found, page: await waitUntilPageIdle(worker, found.tabId, timeoutMs) };
}

/**
 * Stops the extension's service worker as Chrome does after 30 s idle (CDP ServiceWorker.stopWorker, through
 * one of the extension's own pages, whose origin the worker has). The next event that needs the worker starts
 * it again, and `ext.worker` (Playwright keeps the one object) then reaches the new one. `release` closes the
 * page used for stopping: call it after the measurement, since closing a tab is itself an event that wakes
 * the worker.
 */
export async function stopExtensionWorker(ext: ExtensionBrowser): Promise<{ release: () => Promise<void> }> {
  const host = await ext.context.newPage();
  await host.goto(`chrome-extension://${ext.extensionId}/library.html`);
  const cdp = await ext.context.newCDPSession(host);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  const running = new Promise<string[]>((resolve) => {
    cdp.once('ServiceWorker.workerVersionUpdated', ({ versions }) =>
      resolve(versions.filter((v) => v.runningStatus === 'running').map((v) => v.versionId)),
    );
  });
  await cdp.send('ServiceWorker.enable');
  for (const versionId of await running) await cdp.send('ServiceWorker.stopWorker', { versionId });
  await stopped;
  return {
    release: async () => {
      await cdp.detach().catch(() => {});
      await host.close();
    },
  };
}
