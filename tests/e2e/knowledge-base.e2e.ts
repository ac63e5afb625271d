import { describe, expect, test } from 'vitest';
import {
  readKbInstallState,
  useExtensionBrowser,
  waitForKbInstalled,
  waitForPageRead,
  waitForTabState,
} from './harness';

const env = useExtensionBrowser();

/** The knowledge-base install state, read from the extension's IndexedDB in the service worker. */
const installState = () => readKbInstallState(env.browser.worker);

describe('the knowledge base in IndexedDB', () => {
  test('is installed in chunks after the first start, while analysis already works', async () => {
    // Analysis answers before the install is done: the article is highlighted meanwhile.
    const page = await env.browser.context.newPage();
    await page.goto(`${env.origin}/news/us-forces-evacuate-syria-bases.html`);
    await waitForPageRead(env.browser.worker, page.url());
    await waitForKbInstalled(env.browser.worker, 90_000);
    const state = await installState();
    expect(state?.status).toBe('done');
    expect(state?.written).toBe(state?.total);
    expect(state?.total).toBeGreaterThan(50_000);
    const seconds = ((state?.updatedAt ?? 0) - (state?.startedAt ?? 0)) / 1000;
    console.log(`knowledge base install: ${state?.total} entries in ${seconds.toFixed(1)} s`);
    await page.close();
  });

  test('the side panel shows a linked entity with its description from IndexedDB', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.origin}/news/us-forces-evacuate-syria-bases.html`);
    await waitForPageRead(env.browser.worker, page.url());
    const { tabId } = await waitForTabState(env.browser.worker, page.url());
    const panel = await env.browser.context.newPage();
    await panel.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.click('.entity.kind-person >> text=Ali Khamenei');
    await panel.waitForSelector('.detail .description');
    expect(await panel.textContent('.detail')).not.toContain('not in the knowledge base');
    expect(await panel.textContent('.detail .description')).toMatch(/\w{3,}/);
    await panel.close();
    await page.close();
  });
});
