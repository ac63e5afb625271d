/** @module lib/db/library-search — the library's search index, kept in IndexedDB and brought up to date. */

import { LibrarySearch, type SearchDoc } from '../library/search-index';
import { savedVersions } from './library';
import type { BackstoryDb } from './schema';

const INDEX_KEY = 'library';
/** Articles read per transaction while (re)indexing: about 50 ms of indexing each, so the page stays responsive. */
const BATCH = 50;

/** The stored index, or an empty one when there is none or it is of another format. */
export async function loadSearch(db: BackstoryDb): Promise<LibrarySearch> {
  const stored = await db.searchIndex.get(INDEX_KEY);
  return (stored && LibrarySearch.restore(stored)) || LibrarySearch.empty();
}

/**
 * Brings the index up to date with the saved articles: indexes the ones saved or updated since it was stored,
 * drops the ones deleted; returns how many changed. Only changed articles are read.
 */
export async function syncSearch(
  db: BackstoryDb,
  search: LibrarySearch,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const { stale, gone } = search.diff(await savedVersions(db));
  for (const id of gone) search.remove(id);
  for (let i = 0; i < stale.length; i += BATCH) {
    if (stale.length > BATCH) onProgress?.(i, stale.length);
    const ids = stale.slice(i, i + BATCH);
    const [articles, pages] = await db.transaction('r', db.articles, db.savedPages, () =>
      Promise.all([db.articles.bulkGet(ids), db.savedPages.bulkGet(ids)]),
    );
    ids.forEach((id, j) => {
      const article = articles[j];
      const page = pages[j];
      if (!article || !page) {
        search.remove(id);
        return;
      }
      const doc: SearchDoc = { id, title: article.title, text: article.text, site: page.siteName ?? article.site };
      if (page.byline) doc.byline = page.byline;
      search.put(doc, page.updatedAt);
    });
  }
  return stale.length + gone.length;
}

/** Stores the index, so the next library page starts from it. */
export async function storeSearch(db: BackstoryDb, search: LibrarySearch): Promise<void> {
  await db.searchIndex.put({ id: INDEX_KEY, ...search.serialize() });
}
