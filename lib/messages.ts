/** @module lib/messages — the one typed message contract between content script, background and pages. */

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Mention } from './recognize/types';

/** Errors cross the boundary as values: an `Error` does not survive serialization. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** An article's main text as the content script extracted it. */
export interface ArticleToAnalyze {
  url: string;
  /** The page's canonical link, when it has one. */
  canonical?: string;
  title: string;
  text: string;
}

export interface AnalyzedArticle {
  /** The article's record id (its canonical URL). */
  articleId: string;
  mentions: Mention[];
}

/** What the content script decided about a page that is not an article. */
export interface SkippedPage {
  url: string;
  reasons: string[];
}

/** Messages the content script sends to the background. */
export interface ContentToBackground {
  /** Recognize and link the names in an article, record the visit, and answer with the mentions to highlight. */
  analyzeArticle(article: ArticleToAnalyze): Result<AnalyzedArticle>;
  /** Tell the background that this tab's page is not an article, so the panel can say so. */
  pageSkipped(page: SkippedPage): Result<null>;
}

export type ProtocolMap = ContentToBackground;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Where the background keeps the state of each tab, in `storage.session`, for the panel to follow. */
export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** The last tab that reported a page, for a panel opened as a tab of its own. */
export const LAST_TAB_KEY = 'tab:last';

/** The state of one tab as the panel reads it. */
export type TabState =
  | { status: 'article'; url: string; articleId: string; at: number }
  | { status: 'not-article'; url: string; reasons: string[]; at: number }
  | { status: 'error'; url: string; error: string; at: number };
