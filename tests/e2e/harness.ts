/** Shared set-up for end-to-end tests: the browser and server helpers, plus screenshots and text checks. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/lib/chromium';

export * from '../../scripts/lib/chromium';

export const ARTIFACTS_DIR = join(ROOT, 'test-artifacts/e2e');

/** Saves a screenshot under test-artifacts/e2e/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: false });
}

/** The page's body text now, and the body text of the same HTML as served (parsed, never run). */
export async function textBeforeAndAfter(page: Page): Promise<{ served: string; now: string }> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const served = new DOMParser().parseFromString(html, 'text/html').body?.textContent ?? '';
    return { served, now: document.body?.textContent ?? '' };
  });
}
