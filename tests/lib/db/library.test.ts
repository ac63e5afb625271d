import { describe, expect, test } from 'vitest';
import {
  findSavedPage,
  listLibrary,
  normalizeTags,
  removeFromLibrary,
  restoreToLibrary,
  saveToLibrary,
  setTags,
} from '../../../lib/db/library';
import { loadSearch, storeSearch, syncSearch } from '../../../lib/db/library-search';
import { openDb } from '../../../lib/db/schema';
import type { KbEntry } from '../../../lib/kb/types';
import { saveKeysOf } from '../../../lib/library/dedupe';
import type { ReaderCopy } from '../../../lib/library/reader-copy';
import type { Mention } from '../../../lib/recognize/types';

const ERBIL: KbEntry = {
  id: 'Q133',
  kind: 'place',
  subtype: 'city',
  name: 'Erbil',
  aliases: ['Irbil'],
  source: 'test',
};
const copy = (text: string, title = 'Strikes near Erbil'): ReaderCopy => ({ title, text, html: `<p>${text}</p>` });
const mention: Mention = {
  start: 0,
  end: 5,
  kind: 'place',
  entityId: 'Q133',
  name: 'Erbil',
  confidence: 1,
  surface: 'Erbil',
};

function save(
  db: ReturnType<typeof openDb>,
  url: string,
  canonical: string | undefined,
  now: number,
  text = 'Erbil was hit.',
) {
  return saveToLibrary(db, {
    keys: saveKeysOf(url, canonical),
    url,
    site: 'news.example',
    copy: copy(text),
    mentions: [mention],
    entries: [ERBIL],
    now,
  });
}

const fresh = () => openDb(`library-${crypto.randomUUID()}`);

describe('saving to the library', () => {
  test('saving stores the reader copy beside the article record, with its names and entries', async () => {
    const db = fresh();
    const outcome = await save(db, 'https://news.example/a?utm_source=x', undefined, 10);
    expect(outcome).toEqual({ articleId: 'https://news.example/a', title: 'Strikes near Erbil', updated: false });
    expect(await db.articles.get('https://news.example/a')).toMatchObject({ savedAt: 10, entityIds: ['Q133'] });
    expect(await db.savedPages.get('https://news.example/a')).toMatchObject({
      html: '<p>Erbil was hit.</p>',
      urlKey: 'https://news.example/a',
    });
    expect(await db.entities.get('Q133')).toMatchObject({ name: 'Erbil', origin: 'kb' });
  });

  test('saving the same article again updates it: same record, first save date and tags kept', async () => {
    const db = fresh();
    await save(db, 'https://news.example/a', undefined, 10);
    await setTags(db, 'https://news.example/a', ['Iraq']);
    const again = await save(db, 'https://news.example/a#comments', undefined, 20, 'Erbil was hit again.');
    expect(again.updated).toBe(true);
    expect(await db.savedPages.count()).toBe(1);
    expect(await db.articles.get('https://news.example/a')).toMatchObject({
      savedAt: 10,
      tags: ['iraq'],
      text: 'Erbil was hit again.',
    });
    expect((await db.savedPages.get('https://news.example/a'))?.updatedAt).toBe(20);
  });

  test('a page that gained a canonical link since is found by its address without tracking parameters', async () => {
    const db = fresh();
    await save(db, 'https://news.example/story?id=7&utm_medium=social', undefined, 10);
    const again = await save(db, 'https://news.example/story?id=7', 'https://news.example/amp-free/story-7', 20);
    expect(again).toMatchObject({ articleId: 'https://news.example/story?id=7', updated: true });
    expect(await db.savedPages.count()).toBe(1);
    // And the other way round: saved with the canonical link, then reached without it.
    await save(db, 'https://news.example/b?fbclid=1', 'https://news.example/b-canonical', 30);
    const third = await save(db, 'https://news.example/b', undefined, 40);
    expect(third).toMatchObject({ articleId: 'https://news.example/b-canonical', updated: true });
    expect(await findSavedPage(db, saveKeysOf('https://news.example/b?gclid=2'))).toMatchObject({
      id: 'https://news.example/b-canonical',
    });
    expect(await db.savedPages.count()).toBe(2);
  });

  test('a failed save writes nothing and leaves the earlier save as it was', async () => {
    const db = fresh();
    await save(db, 'https://news.example/a', undefined, 10);
    const before = await db.savedPages.get('https://news.example/a');
    // An entry that cannot be stored (no key) aborts the transaction after the article and page were put.
    await expect(
      saveToLibrary(db, {
        keys: saveKeysOf('https://news.example/a'),
        url: 'https://news.example/a',
        site: 'news.example',
        copy: copy('changed'),
        mentions: [],
        entries: [{ ...ERBIL, id: undefined as unknown as string }],
        now: 20,
      }),
    ).rejects.toThrow();
    expect(await db.savedPages.get('https://news.example/a')).toEqual(before);
    expect((await db.articles.get('https://news.example/a'))?.text).toBe('Erbil was hit.');
  });
});

describe('deleting, undo and tags', () => {
  test('delete takes the article out of the list, and undo puts it back with its tags and date', async () => {
    const db = fresh();
    await save(db, 'https://news.example/a', undefined, 10);
    await setTags(db, 'https://news.example/a', ['iraq', 'bases']);
    const removed = await removeFromLibrary(db, 'https://news.example/a');
    expect(removed?.title).toBe('Strikes near Erbil');
    expect(await listLibrary(db)).toEqual([]);
    expect(await db.articles.get('https://news.example/a')).toBeDefined();
    if (!removed) throw new Error('nothing removed');
    await restoreToLibrary(db, removed);
    const [item] = await listLibrary(db);
    expect(item).toMatchObject({ id: 'https://news.example/a', savedAt: 10, tags: ['iraq', 'bases'] });
    expect(await removeFromLibrary(db, 'https://news.example/none')).toBeNull();
  });

  test('tags are trimmed, lower-cased and unique', () => {
    expect(normalizeTags([' Syria ', 'syria', '', 'Oil  fields'])).toEqual(['syria', 'oil fields']);
  });

  test('the list is newest first and carries the linked names as chips', async () => {
    const db = fresh();
    await save(db, 'https://news.example/old', undefined, 10);
    await save(db, 'https://news.example/new', undefined, 20);
    const items = await listLibrary(db);
    expect(items.map((i) => i.id)).toEqual(['https://news.example/new', 'https://news.example/old']);
    expect(items[0].names).toEqual([{ key: 'Q133', entityId: 'Q133', kind: 'place', name: 'Erbil', count: 1 }]);
  });
});

describe('the stored search index', () => {
  test('it indexes new saves, re-indexes updated ones, drops deleted ones, and reloads from IndexedDB', async () => {
    const db = fresh();
    await save(db, 'https://news.example/a', undefined, 10, 'Erbil and the dam.');
    await save(db, 'https://news.example/b', undefined, 11, 'Mosul market.');
    const search = await loadSearch(db);
    expect(await syncSearch(db, search)).toBe(2);
    expect(search.search('dam').map((h) => h.id)).toEqual(['https://news.example/a']);
    expect(await syncSearch(db, search)).toBe(0);
    await storeSearch(db, search);

    await save(db, 'https://news.example/a', undefined, 30, 'Erbil and the airport.');
    await removeFromLibrary(db, 'https://news.example/b');
    const reloaded = await loadSearch(db);
    expect(reloaded.size).toBe(2);
    expect(await syncSearch(db, reloaded)).toBe(2);
    expect(reloaded.search('dam')).toEqual([]);
    expect(reloaded.search('airport').map((h) => h.id)).toEqual(['https://news.example/a']);
    expect(reloaded.search('mosul')).toEqual([]);
  });
});
