import { expect, test } from 'vitest';
import { appendToArticle, mergeNames } from '../../../lib/background/append-text';
import { recordVisit } from '../../../lib/db/articles';
import { openDb } from '../../../lib/db/schema';
import type { Mention } from '../../../lib/recognize/types';
import { MINI_ENTRIES } from '../../helpers/mini-kb';

const syria = MINI_ENTRIES.find((e) => e.id === 'Q858');
const iraq = MINI_ENTRIES.find((e) => e.id === 'Q796');

function mention(text: string, surface: string, entityId?: string): Mention {
  const start = text.indexOf(surface);
  return { start, end: start + surface.length, kind: 'place', entityId, name: surface, confidence: 1, surface };
}

async function setup() {
  const db = openDb(`test-${crypto.randomUUID()}`);
  const text = 'Talks in Syria resumed.';
  await recordVisit(db, {
    id: 'a',
    url: 'https://n.example/a',
    title: 'T',
    site: 'n.example',
    text,
    mentions: [mention(text, 'Syria', 'Q858')],
    entries: syria ? [syria] : [],
    now: 1,
  });
  return db;
}

test('appends the text and merges its names with offsets into the whole text', async () => {
  const db = await setup();
  const added = 'Later: Iraq and Syria agreed.';
  const changed = await appendToArticle(db, {
    articleId: 'a',
    text: added,
    mentions: [mention(added, 'Iraq', 'Q796'), mention(added, 'Syria', 'Q858')],
    entries: iraq && syria ? [iraq, syria] : [],
    maxLength: 1_000,
    now: 2,
  });
  expect(changed).toBe(true);
  const record = await db.articles.get('a');
  expect(record?.text).toBe('Talks in Syria resumed.\n\nLater: Iraq and Syria agreed.');
  const syriaRow = record?.names.find((n) => n.key === 'Q858');
  expect(syriaRow?.count).toBe(2);
  for (const m of syriaRow?.mentions ?? []) expect(record?.text.slice(m.start, m.end)).toBe('Syria');
  expect(record?.entityIds).toEqual(['Q858', 'Q796']);
  expect(await db.entities.get('Q796')).toBeDefined();
});

test('text the record already holds, an unknown article or text past the limit change nothing', async () => {
  const db = await setup();
  const base = { mentions: [], entries: [], now: 2 };
  expect(await appendToArticle(db, { ...base, articleId: 'a', text: 'Syria resumed', maxLength: 1_000 })).toBe(false);
  expect(await appendToArticle(db, { ...base, articleId: 'b', text: 'New text', maxLength: 1_000 })).toBe(false);
  expect(await appendToArticle(db, { ...base, articleId: 'a', text: 'New text', maxLength: 20 })).toBe(false);
  expect((await db.articles.get('a'))?.text).toBe('Talks in Syria resumed.');
});

test('mergeNames keeps the order of first appearance and does not change its inputs', () => {
  const before = [{ key: 'x', kind: 'place' as const, name: 'X', count: 1, mentions: [{ start: 0, end: 1 }] }];
  const merged = mergeNames(before, [
    { key: 'y', kind: 'place', name: 'Y', count: 1, mentions: [{ start: 5, end: 6 }] },
    { key: 'x', kind: 'place', name: 'X', count: 1, mentions: [{ start: 8, end: 9 }] },
  ]);
  expect(merged.map((n) => [n.key, n.count])).toEqual([
    ['x', 2],
    ['y', 1],
  ]);
  expect(before[0].count).toBe(1);
});
