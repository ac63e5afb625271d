/** @module lib/background/article-service — what the background does with an article: analyze, record, answer. */

import { analyzeText } from '../analyze';
import { recordVisit } from '../db/articles';
import { loadCorrectionData } from '../db/corrections';
import type { BackstoryDb } from '../db/schema';
import type { NameIndex } from '../kb/name-index';
import type { KbEntry } from '../kb/types';
import { applyCorrections } from '../link/corrections';
import type { AddedText, AnalyzedArticle, ArticleToAnalyze, Result, SkippedPage, TabState } from '../messages';
import type { Mention } from '../recognize/types';
import { canonicalUrl, siteOf } from '../url';
import { appendToArticle } from './append-text';

/** Longest text analyzed; longer pages are cut here (a 2 MB page is not an article to highlight whole). */
export const MAX_TEXT_LENGTH = 400_000;

export interface ArticleServiceDeps {
  db: BackstoryDb;
  /** Resolves to the name index; called on every request, so it should cache. */
  nameIndex: () => Promise<NameIndex>;
  /** Remembers what a tab shows, for the panel. */
  setTabState: (tabId: number | undefined, state: TabState) => Promise<void>;
  now: () => number;
}

/** The handlers behind the content script's messages, with their dependencies given. */
export function createArticleService(deps: ArticleServiceDeps) {
  return {
    async analyzeArticle(article: ArticleToAnalyze, tabId?: number): Promise<Result<AnalyzedArticle>> {
      try {
        const text = article.text.slice(0, MAX_TEXT_LENGTH);
        const index = await deps.nameIndex();
        const { mentions, entries } = await analyzeWithCorrections(deps.db, text, index);
        const articleId = canonicalUrl(article.url, article.canonical);
        await recordVisit(deps.db, {
          id: articleId,
          url: article.url,
          title: article.title.slice(0, 500),
          site: siteOf(article.url),
          text,
          mentions,
          entries,
          now: deps.now(),
        });
        const highlighting =
          article.highlighting === 'off-page' || article.highlighting === 'off-site' ? article.highlighting : 'on';
        await deps.setTabState(tabId, { status: 'article', url: article.url, articleId, at: deps.now(), highlighting });
        return { ok: true, value: { articleId, mentions } };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await deps
          .setTabState(tabId, { status: 'error', url: article.url, error: message, at: deps.now() })
          .catch(() => {});
        return { ok: false, error: message };
      }
    },

    /**
     * Text the page added later: analyzed after the end of the article's text so far (the context that
     * says "Miller" is the Matthew Miller named above), appended to the record, answered with its mentions.
     */
    async analyzeAddedText(added: AddedText): Promise<Result<{ mentions: Mention[] }>> {
      try {
        if (typeof added.text !== 'string' || typeof added.articleId !== 'string') {
          return { ok: false, error: 'bad added text' };
        }
        const text = added.text.slice(0, MAX_TEXT_LENGTH);
        const index = await deps.nameIndex();
        const context = contextBefore((await deps.db.articles.get(added.articleId))?.text ?? '');
        const joined = context ? `${context}\n\n${text}` : text;
        const offset = joined.length - text.length;
        const all = (await analyzeWithCorrections(deps.db, joined, index)).mentions;
        const mentions = all
          .filter((m) => m.start >= offset)
          .map((m) => ({ ...m, start: m.start - offset, end: m.end - offset }));
        const entries = uniqueEntries(
          mentions.flatMap((m) => (m.entityId ? [m.entityId] : [])),
          index,
        );
        await appendToArticle(deps.db, {
          articleId: added.articleId,
          text,
          mentions,
          entries,
          maxLength: MAX_TEXT_LENGTH,
          now: deps.now(),
        });
        return { ok: true, value: { mentions } };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },

    async pageSkipped(page: SkippedPage, tabId?: number): Promise<Result<null>> {
      await deps.setTabState(tabId, {
        status: 'not-article',
        url: page.url,
        reasons: page.reasons.slice(0, 20),
        at: deps.now(),
      });
      return { ok: true, value: null };
    },
  };
}

/**
 * Analyzes `text` and applies the reader's corrections (read from IndexedDB on each call: the table is small,
 * and a correction made a moment ago must count). Resolves to the mentions and the shipped entries they link
 * to (entries the reader added are stored already). Also for the library's reader view.
 */
export async function analyzeWithCorrections(
  db: BackstoryDb,
  text: string,
  index: NameIndex,
): Promise<{ mentions: Mention[]; entries: KbEntry[] }> {
  const { corrections, entities } = await loadCorrectionData(db);
  const userById = new Map(entities.map((e) => [e.id, e]));
  const entry = (id: string): KbEntry | undefined => {
    const position = index.byId.get(id);
    // The reader's own version of an entry wins over the shipped one, as in the panel.
    return userById.get(id) ?? (position === undefined ? undefined : index.entries[position]);
  };
  const mentions = applyCorrections(analyzeText(text, index), corrections, { text, entry });
  const entries = uniqueEntries(
    mentions.flatMap((m) => (m.entityId ? [m.entityId] : [])),
    index,
  );
  return { mentions, entries };
}

/** How much of the article's text goes before added text: enough for its names, bounded for live blogs. */
export const ADDED_TEXT_CONTEXT = 60_000;

/** The end of the article's text, cut at a paragraph break so no name is split. */
function contextBefore(text: string): string {
  if (text.length <= ADDED_TEXT_CONTEXT) return text;
  const tail = text.slice(-ADDED_TEXT_CONTEXT);
  const paragraph = tail.indexOf('\n\n');
  return paragraph >= 0 ? tail.slice(paragraph + 2) : tail;
}

function uniqueEntries(ids: string[], index: NameIndex): KbEntry[] {
  const out: KbEntry[] = [];
  for (const id of new Set(ids)) {
    const position = index.byId.get(id);
    if (position !== undefined) out.push(index.entries[position]);
  }
  return out;
}
