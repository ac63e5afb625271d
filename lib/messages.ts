/** @module lib/messages — the one typed message contract between content script, background and pages. */

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntityKind } from './kb/types';
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
  /** Whether the page shows highlights, for the tab state (absent: on). */
  highlighting?: HighlightingState;
}

/** Text a page added after it was analyzed (a live blog's new entry, a "read more" block, the next story). */
export interface AddedText {
  url: string;
  /** The record the text belongs to, as `analyzeArticle` answered. */
  articleId: string;
  text: string;
}

/** Whether a page shows its highlights, and if not, who turned them off. */
export type HighlightingState = 'on' | 'off-page' | 'off-site';

/** What a hover card shows about one knowledge-base entry. */
export interface EntityCard {
  name: string;
  kind: EntityKind;
  /** Finer type: city, region, head-of-state, armed-group … */
  subtype: string;
  /** One line about the entry, when the knowledge base has one. */
  description?: string;
  /** ISO 3166-1 alpha-2 code. */
  country?: string;
  role?: string;
  /** Where the card's facts come from, and the date they were true. */
  source?: string;
  asOf?: string;
}

/** The highlighting state of the page in a tab, as the popup shows it. */
export interface PageHighlighting {
  /** The site the per-site switch applies to (host name without "www."). */
  site: string;
  /** Whether the page shows highlights now. */
  on: boolean;
  /** Whether highlighting is on for the whole site. */
  siteOn: boolean;
  /** What the reading flow found: an article, not an article, or still working. */
  status: 'article' | 'not-article' | 'working' | 'error';
  /** Highlighted names on the page (wrappers, not distinct entities). */
  marks: number;
  /**
   * True while the page is being read or its marks are being written (or removed): `marks` may still change.
   * Tests and the benchmark wait for false instead of for a quiet period, which a busy machine stretches.
   */
  busy: boolean;
}

/** The page as it is now, for saving: the live DOM serialized (scripts and all; the background cleans it). */
export interface PageSnapshot {
  url: string;
  canonical?: string;
  title: string;
  html: string;
  /** The page's `lang` attribute, when it has one. */
  lang?: string;
}

/** Which mention to bring into view: a linked entry, or an unknown name by its kind and name as written. */
export interface MentionTarget {
  entityId?: string;
  kind?: EntityKind;
  name?: string;
  /** Step through the mentions (default next; wraps around). */
  direction?: 'next' | 'previous';
  /** Show this mention (0-based, in text order) instead of stepping; the last one when there are fewer. */
  index?: number;
}

/** What a saved article looks like in answers: enough for the popup and the panel to say what happened. */
export interface SavedArticleSummary {
  articleId: string;
  title: string;
  /** True when the article was saved before and this save updated it. */
  updated: boolean;
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
  /**
   * Recognize the names in text the page added after `analyzeArticle`; the background appends the text to the
   * article's record (once: text it already holds is not added again) and answers with mentions in `text`.
   */
  analyzeAddedText(added: AddedText): Result<{ mentions: Mention[] }>;
  /** The hover card's facts about one knowledge-base entry, from the background's in-memory index. */
  getEntityCard(request: { id: string }): Result<EntityCard>;
  /**
   * Open the side panel on the sender's tab, from a click in the page (Chrome requires a user gesture, so the
   * background calls `sidePanel.open` before anything else). `entityId` is the entry the reader asked about.
   */
  openSidePanel(request: { entityId?: string }): Result<null>;
  /** Tell the background that the page's highlights were turned off or on, so the panel can say so. */
  highlightingChanged(change: { url: string; highlighting: HighlightingState }): Result<null>;
}

/**
 * Messages the background and the popup send to the content script of one tab (`sendMessage(type, data, tabId)`).
 * Each answers with the page's highlighting state after the change.
 */
export interface ToContentScript {
  /** The page's highlighting state, for the popup. */
  getPageHighlighting(): Result<PageHighlighting>;
  /** Turn this page's highlights off or on (the keyboard command sends no `on`: it toggles). */
  setPageHighlighting(request: { on?: boolean }): Result<PageHighlighting>;
  /** Turn highlighting off or on for every page of this page's site; stored, so other tabs follow. */
  setSiteHighlighting(request: { on: boolean }): Result<PageHighlighting>;
  /** The page's HTML now, for saving it to the library. */
  getPageSnapshot(): Result<PageSnapshot>;
  /** Read the page again now (the reader corrected a name in the panel): its marks are made anew. */
  rereadPage(): Result<PageHighlighting>;
  /** Scroll to a mention of an entity (the next one each time) and flash it; answers its place among them. */
  showMention(target: MentionTarget): Result<{ index: number; total: number }>;
}

/** Messages the extension's own pages (popup, side panel, library) send to the background. */
export interface PagesToBackground {
  /** Save the article in a tab (default: the active tab) to the library, or update its saved copy. */
  saveArticle(request: { tabId?: number }): Result<SavedArticleSummary>;
  /**
   * The library's reader view shows a saved article: recognize the names in its text (as rendered there) and
   * set the sender tab's state to that article, so the side panel follows it. Records no visit.
   */
  analyzeSavedArticle(request: { articleId: string; text: string }): Result<{ mentions: Mention[] }>;
}

export type ProtocolMap = ContentToBackground & ToContentScript & PagesToBackground;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Where the background keeps the state of each tab, in `storage.session`, for the panel to follow. */
export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

/**
 * The entry the reader asked about from the page ("Open in side panel" on a hover card), per tab, in
 * `storage.session` as `{ entityId, at }`: the panel can select it when it opens.
 */
export function panelFocusKey(tabId: number): string {
  return `focus:${tabId}`;
}

/** The last tab that reported a page, for a panel opened as a tab of its own. */
export const LAST_TAB_KEY = 'tab:last';

/** The state of one tab as the panel reads it. */
export type TabState =
  | { status: 'article'; url: string; articleId: string; at: number; highlighting?: HighlightingState }
  | { status: 'not-article'; url: string; reasons: string[]; at: number }
  | { status: 'error'; url: string; error: string; at: number };
