/**
 * Launching Debian's Chromium with the built extension (playwright-core, no downloaded browser) and
 * serving local pages on 127.0.0.1: shared by `npm start`, the end-to-end tests and the benchmark.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
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

/** Launches Chromium with the built extension and waits for its service worker. */
export async function launchWithExtension(options: { headless?: boolean } = {}): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-e2e-')), {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: options.headless === false ? null : { width: 1280, height: 900 },
    args: [
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
