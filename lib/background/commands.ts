/** @module lib/background/commands — the keyboard commands declared in the manifest (wxt.config.ts). */

import type { PageHighlighting, Result, SavedArticleSummary } from '../messages';

/** Toggles the highlights of the page in the current tab (suggested key Alt+Shift+B). */
export const TOGGLE_PAGE_COMMAND = 'toggle-page-highlights';
/** Saves the article in the current tab to the library (suggested key Alt+Shift+S). */
export const SAVE_ARTICLE_COMMAND = 'save-article';

export interface CommandHandlers {
  /** Asks the tab's content script to flip its page's highlights. */
  togglePage: (tabId: number) => Promise<Result<PageHighlighting>>;
  /** Saves the tab's article (the background's save service). */
  saveArticle: (tabId: number) => Promise<Result<SavedArticleSummary>>;
}

/**
 * Handles one command on the current tab. A tab without our content script (a browser page, the web store)
 * answers nothing; that is not an error worth throwing, so it resolves to an error value.
 */
export async function runCommand(
  command: string,
  tab: { id?: number } | undefined,
  handlers: CommandHandlers,
): Promise<Result<PageHighlighting | SavedArticleSummary | null>> {
  const handler =
    command === TOGGLE_PAGE_COMMAND
      ? handlers.togglePage
      : command === SAVE_ARTICLE_COMMAND
        ? handlers.saveArticle
        : undefined;
  if (!handler) return { ok: false, error: `unknown command: ${command}` };
  if (tab?.id === undefined) return { ok: false, error: 'no tab' };
  try {
    return await handler(tab.id);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
