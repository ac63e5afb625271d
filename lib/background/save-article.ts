/** @module lib/background/save-article — saving the article in a tab to the library, from any of its four doors. */

import { analyzeText } from '../analyze';
import { saveToLibrary } from '../db/library';
import type { BackstoryDb } from '../db/schema';
import type { NameIndex } from '../kb/name-index';
import type { KbEntry } from '../kb/types';
import { saveKeysOf } from '../library/dedupe';
import { readerCopyOf } from '../library/reader-copy';
import { describeSaveError } from '../library/storage';
import type { PageSnapshot, Result, SavedArticleSummary } from '../messages';
import type { Mention } from '../recognize/types';
import { siteOf } from '../url';

export interface SaveServiceDeps {
  db: BackstoryDb;
  nameIndex: () => Promise<NameIndex>;
  /** Asks the tab's content script for its page (`getPageSnapshot`). */
  snapshot: (tabId: number) => Promise<Result<PageSnapshot>>;
  /** The active tab of the current window, for a save that names no tab. */
  activeTabId: () => Promise<number | undefined>;
  now: () => number;
}

/**
 * Saves (or updates) the article shown in `tabId`, or in the active tab: the page's snapshot becomes a reader
 * copy (Readability, in the worker through linkedom), its names are recognized, and both go to the library in
 * one transaction. Every failure is an error value with words for the reader.
 */
export function createSaveService(deps: SaveServiceDeps) {
  return {
    async saveArticle(request: { tabId?: number } | undefined): Promise<Result<SavedArticleSummary>> {
      try {
        const tabId = typeof request?.tabId === 'number' ? request.tabId : await deps.activeTabId();
        if (tabId === undefined) return { ok: false, error: 'No tab to save.' };
        let snapshot: Result<PageSnapshot>;
        try {
          snapshot = await deps.snapshot(tabId);
        } catch {
          return { ok: false, error: 'Backstory does not run on this page, so it cannot save it. Reload the page?' };
        }
        if (!snapshot.ok) return snapshot;
        if (!/^https?:/.test(snapshot.value.url)) return { ok: false, error: 'Only web pages can be saved.' };
        return { ok: true, value: await saveSnapshot(deps, snapshot.value) };
      } catch (error) {
        return { ok: false, error: describeSaveError(error) };
      }
    },
  };
}

/** The save itself, from a snapshot: exported for the benchmark and tests. */
export async function saveSnapshot(
  deps: Pick<SaveServiceDeps, 'db' | 'nameIndex' | 'now'>,
  snapshot: PageSnapshot,
): Promise<SavedArticleSummary> {
  const copy = readerCopyOf(snapshot);
  const index = await deps.nameIndex();
  const mentions = analyzeText(copy.text, index);
  const outcome = await saveToLibrary(deps.db, {
    keys: saveKeysOf(snapshot.url, snapshot.canonical),
    url: snapshot.url,
    site: siteOf(snapshot.url),
    copy,
    mentions,
    entries: entriesOf(mentions, index),
    now: deps.now(),
  });
  return { articleId: outcome.articleId, title: outcome.title, updated: outcome.updated };
}

export function entriesOf(mentions: Mention[], index: NameIndex): KbEntry[] {
  const out: KbEntry[] = [];
  for (const id of new Set(mentions.flatMap((m) => (m.entityId ? [m.entityId] : [])))) {
    const position = index.byId.get(id);
    if (position !== undefined) out.push(index.entries[position]);
  }
  return out;
}
