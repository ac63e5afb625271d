import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, ROOT, serveFolders, waitForTabState } from './harness';

let browser: ExtensionBrowser;
let origin: string;
let server: Server;

beforeAll(async () => {
  ({ origin, server } = await serveFolders({ '/': join(ROOT, 'tests/fixtures/site') }));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.context.close();
  server?.close();
});

interface InstallState {
  status: string;
  written: number;
  total: number;
  startedAt: number;
  updatedAt: number;
}

/** The knowledge-base install state, read from the extension's IndexedDB in the service worker. */
function installState(): Promise<InstallState | undefined> {
  return browser.worker.evaluate(
    () =>
      new Promise<InstallState | undefined>((resolve) => {
        const open = indexedDB.open('backstory');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(undefined);
          const get = db.transaction('meta').objectStore('meta').get('kb');
          get.onsuccess = () => resolve(get.result?.value);
          get.onerror = () => resolve(undefined);
        };
        open.onerror = () => resolve(undefined);
      }),
  );
}

describe('the knowledge base in IndexedDB', () => {
  test('is installed in chunks after the first start, while analysis already works', async () => {
    // Analysis answers before the install is done: the article is highlighted meanwhile.
    const page = await browser.context.newPage();
    await page.goto(`${origin}/news/us-forces-evacuate-syria-bases.html`);
    await page.waitForSelector('bs-mention', { timeout: 20_000 });
    let state = await installState();
    const until = Date.now() + 90_000;
    while (state?.status !== 'done' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      state = await installState();
    }
    expect(state?.status).toBe('done');
    expect(state?.written).toBe(state?.total);
    expect(state?.total).toBeGreaterThan(50_000);
    const seconds = ((state?.updatedAt ?? 0) - (state?.startedAt ?? 0)) / 1000;
    console.log(`knowledge base install: ${state?.total} entries in ${seconds.toFixed(1)} s`);
    await page.close();
  });

  test('the side panel shows a linked entity with its description from IndexedDB', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/news/us-forces-evacuate-syria-bases.html`);
    await page.waitForSelector('bs-mention', { timeout: 20_000 });
    const { tabId } = await waitForTabState(browser.worker, page.url());
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.click('.entity.kind-person >> text=Ali Khamenei');
    await panel.waitForSelector('.detail .description');
    expect(await panel.textContent('.detail')).not.toContain('not in the knowledge base');
    expect(await panel.textContent('.detail .description')).toMatch(/\w{3,}/);
    await panel.close();
    await page.close();
  });
});
