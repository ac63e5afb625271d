import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { openDb } from '../../../lib/db/schema';

/** Version 1 exactly as it shipped: a database made by the previous release. */
function openVersion1(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({
    articles: 'id, url, site, visitedAt, savedAt, *entityIds, *tags',
    entities: 'id, origin',
    notes: '++id, entityId, articleId, createdAt',
    meta: 'key',
  });
  return db;
}

describe('schema upgrades', () => {
  test("a version-1 database opens at the current version with every record of the reader's kept", async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openVersion1(name);
    await old.table('articles').put({
      id: 'https://example.com/a',
      url: 'https://example.com/a',
      title: 'A',
      site: 'example.com',
      text: 'Text about Erbil.',
      visitedAt: 1,
      savedAt: 2,
      entityIds: ['Q1'],
      tags: ['iraq'],
      names: [],
    });
    await old.table('entities').put({ id: 'user:1', origin: 'user', kind: 'place', name: 'Mine', aliases: [] });
    await old.table('notes').add({ entityId: 'Q1', text: 'my note', createdAt: 1, updatedAt: 1 });
    await old.table('meta').put({ key: 'kb', value: { version: 'v1', status: 'done' } });
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.articles.get('https://example.com/a')).toMatchObject({ tags: ['iraq'], savedAt: 2 });
    expect(await db.articles.where('tags').equals('iraq').count()).toBe(1);
    expect(await db.entities.get('user:1')).toMatchObject({ origin: 'user', name: 'Mine' });
    expect(await db.notes.where('entityId').equals('Q1').first()).toMatchObject({ text: 'my note' });
    expect(await db.meta.get('kb')).toMatchObject({ value: { version: 'v1' } });
    // The new tables exist and work.
    await db.corrections.add({ key: 'erbil', action: 'not-entity', surface: 'Erbil', createdAt: 3 });
    expect(await db.corrections.where('key').equals('erbil').count()).toBe(1);
    await db.savedPages.put({
      id: 'https://example.com/a',
      html: '<p>x</p>',
      urlKey: 'https://example.com/a',
      savedAt: 2,
      updatedAt: 2,
    });
    expect(await db.savedPages.count()).toBe(1);
    // The library looks saved copies up by their address without tracking parameters, and by version.
    expect(await db.savedPages.where('urlKey').equals('https://example.com/a').count()).toBe(1);
    expect(await db.savedPages.orderBy('updatedAt').primaryKeys()).toEqual(['https://example.com/a']);
    await db.searchIndex.put({ id: 'library', format: 1, index: '{}', versions: [] });
    expect(await db.searchIndex.get('library')).toMatchObject({ format: 1 });
    db.close();
  });
});
