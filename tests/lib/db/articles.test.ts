import { describe, expect, test } from 'vitest';
import { articlesMentioning, groupNames, recordVisit } from '../../../lib/db/articles';
import { openDb } from '../../../lib/db/schema';
import type { Mention } from '../../../lib/recognize/types';
import { MINI_ENTRIES } from '../../helpers/mini-kb';

const freshDb = () => openDb(`test-${crypto.randomUUID()}`);
const syria = MINI_ENTRIES.find((e) => e.id === 'Q858') as (typeof MINI_ENTRIES)[number];
const mentions: Mention[] = [
  { start: 0, end: 5, kind: 'place', entityId: 'Q858', name: 'Syria', confidence: 0.9, surface: 'Syria' },
  { start: 10, end: 14, kind: 'place', confidence: 0.6, surface: 'Hemo' },
  { start: 20, end: 25, kind: 'place', entityId: 'Q858', name: 'Syria', confidence: 0.9, surface: 'Syria' },
];
const visit = (now: number) => ({
  id: 'https://a.example/x',
  url: 'https://a.example/x?utm_source=y',
  title: 'A story',
  site: 'a.example',
  text: 'Syria and Hemo and Syria',
  mentions,
  entries: [syria],
  now,
});

describe('groupNames', () => {
  test('counts mentions per entity and keeps unknown names apart', () => {
    const rows = groupNames(mentions);
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      ['Q858', 2],
      ['unknown:place:hemo', 1],
    ]);
  });
});

describe('recordVisit', () => {
  test('stores the article with its names and the linked entries', async () => {
    const db = freshDb();
    await recordVisit(db, visit(1));
    const article = await db.articles.get('https://a.example/x');
    expect(article?.entityIds).toEqual(['Q858']);
    expect(article?.names).toHaveLength(2);
    expect((await db.entities.get('Q858'))?.aliases).toContain('Syrian Arab Republic');
  });

  test('keeps the saved date and tags of an article visited again', async () => {
    const db = freshDb();
    await recordVisit(db, visit(1));
    await db.articles.update('https://a.example/x', { savedAt: 5, tags: ['syria'] });
    await recordVisit(db, visit(9));
    const article = await db.articles.get('https://a.example/x');
    expect(article).toMatchObject({ savedAt: 5, tags: ['syria'], visitedAt: 9 });
  });

  test("never overwrites the reader's own edit of an entity", async () => {
    const db = freshDb();
    await db.entities.put({ ...syria, description: 'my own words', origin: 'user', updatedAt: 0 });
    await recordVisit(db, visit(1));
    expect((await db.entities.get('Q858'))?.description).toBe('my own words');
  });
});

describe('articlesMentioning', () => {
  test('finds the articles that link an entity through the multi-entry index, most recent visit first', async () => {
    const db = freshDb();
    await recordVisit(db, visit(1));
    await recordVisit(db, { ...visit(5), id: 'https://b.example/y', url: 'https://b.example/y' });
    await recordVisit(db, {
      ...visit(3),
      id: 'https://c.example/z',
      url: 'https://c.example/z',
      mentions: [mentions[1]],
    });
    expect((await articlesMentioning(db, 'Q858')).map((a) => a.id)).toEqual([
      'https://b.example/y',
      'https://a.example/x',
    ]);
    expect(await articlesMentioning(db, 'Q858', 1)).toHaveLength(1);
  });
});
