/** @module lib/db/library — the library's records: saving, removing (with undo), tags and what the list shows. */

import type { KbEntry } from '../kb/types';
import { lookupKeys, type SaveKeys } from '../library/dedupe';
import type { ReaderCopy } from '../library/reader-copy';
import type { Mention } from '../recognize/types';
import { groupNames, toEntityRecord } from './articles';
import type { ArticleName, ArticleRecord, BackstoryDb, SavedPageRecord } from './schema';

export interface SaveInput {
  keys: SaveKeys;
  url: string;
  site: string;
  copy: ReaderCopy;
  /** The names recognized in `copy.text`. */
  mentions: Mention[];
  /** The entries the mentions link to, stored when missing so the panel can show them. */
  entries: KbEntry[];
  now: number;
}

export interface SaveOutcome {
  articleId: string;
  title: string;
  /** True when an earlier save of the same article was updated. */
  updated: boolean;
}

/** The earlier save of an article, by its canonical URL and then by its address without tracking parameters. */
export async function findSavedPage(db: BackstoryDb, keys: SaveKeys): Promise<SavedPageRecord | undefined> {
  const candidates = lookupKeys(keys);
  for (const id of candidates) {
    const byId = await db.savedPages.get(id);
    if (byId) return byId;
  }
  return db.savedPages.where('urlKey').anyOf(candidates).first();
}

/**
 * Saves an article's reader copy, or updates its earlier save (same record, first save date kept, tags kept).
 * The visit record of the same article is updated with the reader text and its names, so the side panel and
 * the library show the entities of the saved copy. One transaction: a failure (a full disk) writes nothing.
 */
export async function saveToLibrary(db: BackstoryDb, input: SaveInput): Promise<SaveOutcome> {
  return db.transaction('rw', db.articles, db.savedPages, db.entities, async () => {
    const earlier = await findSavedPage(db, input.keys);
    const articleId = earlier?.id ?? input.keys.id;
    const previous = await db.articles.get(articleId);
    const names = groupNames(input.mentions);
    const savedAt = earlier?.savedAt ?? previous?.savedAt ?? input.now;
    const article: ArticleRecord = {
      id: articleId,
      url: input.url,
      title: input.copy.title,
      site: input.site,
      text: input.copy.text,
      visitedAt: previous?.visitedAt ?? input.now,
      savedAt,
      entityIds: names.flatMap((n) => (n.entityId ? [n.entityId] : [])),
      tags: previous?.tags ?? [],
      names,
    };
    const { html, text: _text, title: _title, ...meta } = input.copy;
    const page: SavedPageRecord = {
      id: articleId,
      html,
      ...meta,
      urlKey: input.keys.urlKey,
      savedAt,
      // Strictly increasing: the search index tells a changed copy by this number.
      updatedAt: Math.max(input.now, (earlier?.updatedAt ?? 0) + 1),
    };
    await db.articles.put(article);
    await db.savedPages.put(page);
    const ids = input.entries.map((e) => e.id);
    const existing = await db.entities.bulkGet(ids);
    const fresh = input.entries.filter((_, i) => !existing[i]);
    if (fresh.length) await db.entities.bulkPut(fresh.map((e) => toEntityRecord(e, input.now)));
    return { articleId, title: article.title, updated: earlier !== undefined };
  });
}

/** What removing an article from the library took away, to put back on undo. */
export interface RemovedSave {
  title: string;
  page: SavedPageRecord;
  savedAt: number;
  tags: string[];
}

/**
 * Takes an article out of the library: its saved copy goes, its visit record stays (notes may point at it)
 * without a save date or tags. Returns what undo needs, or null when it was not saved.
 */
export async function removeFromLibrary(db: BackstoryDb, id: string): Promise<RemovedSave | null> {
  return db.transaction('rw', db.articles, db.savedPages, async () => {
    const page = await db.savedPages.get(id);
    const article = await db.articles.get(id);
    if (!page) return null;
    const removed: RemovedSave = {
      title: article?.title ?? page.id,
      page,
      savedAt: article?.savedAt ?? page.savedAt,
      tags: article?.tags ?? [],
    };
    await db.savedPages.delete(id);
    if (article) {
      const { savedAt: _savedAt, ...rest } = article;
      await db.articles.put({ ...rest, tags: [] });
    }
    return removed;
  });
}

/** Undoes `removeFromLibrary`. */
export async function restoreToLibrary(db: BackstoryDb, removed: RemovedSave): Promise<void> {
  await db.transaction('rw', db.articles, db.savedPages, async () => {
    const { page } = removed;
    await db.savedPages.put({ ...page, updatedAt: page.updatedAt + 1 });
    const article = await db.articles.get(page.id);
    if (article) await db.articles.put({ ...article, savedAt: removed.savedAt, tags: removed.tags });
  });
}

/** Normalizes tags as typed: trimmed, lower case, single spaces, no empties, no repeats, in order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 60);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** Sets an article's tags. */
export async function setTags(db: BackstoryDb, id: string, tags: readonly string[]): Promise<void> {
  const updated = await db.articles.update(id, { tags: normalizeTags(tags) });
  if (!updated) throw new Error('this article is not in the library any more');
}

/** One row of the library list: what the list, its chips and its filters need, without the text. */
export interface LibraryItem {
  id: string;
  url: string;
  title: string;
  site: string;
  savedAt: number;
  tags: string[];
  entityIds: string[];
  /** Linked names, most mentioned first (for the chips). */
  names: Pick<ArticleName, 'key' | 'entityId' | 'kind' | 'name' | 'count'>[];
}

/** The saved articles, newest save first, as list rows. */
export async function listLibrary(db: BackstoryDb): Promise<LibraryItem[]> {
  const articles = await db.articles.where('savedAt').above(0).reverse().sortBy('savedAt');
  return articles.map(toLibraryItem);
}

export function toLibraryItem(a: ArticleRecord): LibraryItem {
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    site: a.site,
    savedAt: a.savedAt ?? 0,
    tags: a.tags ?? [],
    entityIds: a.entityIds ?? [],
    names: (a.names ?? [])
      .filter((n) => n.entityId)
      .sort((x, y) => y.count - x.count)
      .map(({ key, entityId, kind, name, count }) => ({ key, entityId, kind, name, count })),
  };
}

/** [id, updatedAt] of every saved copy: which versions the search index must hold. Reads no HTML. */
export async function savedVersions(db: BackstoryDb): Promise<[string, number][]> {
  return db.transaction('r', db.savedPages, async () => {
    const updated = (await db.savedPages.orderBy('updatedAt').keys()) as number[];
    const ids = (await db.savedPages.orderBy('updatedAt').primaryKeys()) as string[];
    return ids.map((id, i) => [id, updated[i]] as [string, number]);
  });
}
