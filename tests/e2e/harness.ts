/** Shared set-up for end-to-end tests: the browser and server helpers, plus screenshots and text checks. */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  type ExtensionBrowser,
  type LaunchOptions,
  launchWithExtension,
  ROOT,
  serveFolders,
} from '../../scripts/lib/chromium';

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

/** A test file's browser with the built extension and its local server, started and stopped by vitest hooks. */
export interface ExtensionSession {
  readonly browser: ExtensionBrowser;
  readonly origin: string;
  readonly server: Server;
}

/**
 * Starts the built extension in Chromium and serves `mounts` (default: the fixture site) for one test file:
 * call at the top level of the file; the returned object's fields are set once `beforeAll` has run.
 */
export function useExtensionBrowser(
  mounts: Record<string, string> = { '/': join(ROOT, 'tests/fixtures/site') },
  options: LaunchOptions = {},
): ExtensionSession {
  const session = {} as { browser: ExtensionBrowser; origin: string; server: Server };
  beforeAll(async () => {
    ({ origin: session.origin, server: session.server } = await serveFolders(mounts));
    session.browser = await launchWithExtension(options);
  });
  afterAll(async () => {
    await session.browser?.context.close();
    session.server?.close();
  });
  return session;
}
