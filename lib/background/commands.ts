/** @module lib/background/commands — the keyboard commands declared in the manifest (wxt.config.ts). */

import type { PageHighlighting, Result } from '../messages';

/** Toggles the highlights of the page in the current tab (suggested key Alt+Shift+B). */
export const TOGGLE_PAGE_COMMAND = 'toggle-page-highlights';

/**
 * Handles one command: for the toggle, asks the tab's content script to flip its page's highlights.
 * A tab without our content script (a browser page, the web store) answers nothing; that is not an error
 * worth showing, so it resolves to an error value.
 */
export async function runCommand(
  command: string,
  tab: { id?: number } | undefined,
  togglePage: (tabId: number) => Promise<Result<PageHighlighting>>,
): Promise<Result<PageHighlighting | null>> {
  if (command !== TOGGLE_PAGE_COMMAND) return { ok: false, error: `unknown command: ${command}` };
  if (tab?.id === undefined) return { ok: false, error: 'no tab' };
  try {
    return await togglePage(tab.id);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
