/** @module lib/background/saved-article-view — the library's reader view of a saved article, for the side panel. */

import { analyzeText } from '../analyze';
import type { BackstoryDb } from '../db/schema';
import type { NameIndex } from '../kb/name-index';
import { MAX_SAVED_TEXT } from '../library/reader-copy';
import type { Result, TabState } from '../messages';
import type { Mention } from '../recognize/types';

export interface SavedViewDeps {
  db: BackstoryDb;
  nameIndex: () => Promise<NameIndex>;
  setTabState: (tabId: number | undefined, state: TabState) => Promise<void>;
  now: () => number;
}

/**
 * Recognizes the names in a saved article's text as the reader view rendered it (so the offsets fit that DOM)
 * and points the reader tab's state at the article, so the side panel shows its places and actors there.
 * Records no visit: reading a saved copy is not visiting the page.
 */
export async function analyzeSavedArticle(
  deps: SavedViewDeps,
  request: { articleId: string; text: string },
  tabId: number | undefined,
): Promise<Result<{ mentions: Mention[] }>> {
  try {
    if (typeof request?.articleId !== 'string' || typeof request.text !== 'string') {
      return { ok: false, error: 'bad request' };
    }
    const article = await deps.db.articles.get(request.articleId);
    if (!article || article.savedAt === undefined) return { ok: false, error: 'This article is not in the library.' };
    const mentions = analyzeText(request.text.slice(0, MAX_SAVED_TEXT), await deps.nameIndex());
    await deps.setTabState(tabId, { status: 'article', url: article.url, articleId: article.id, at: deps.now() });
    return { ok: true, value: { mentions } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
