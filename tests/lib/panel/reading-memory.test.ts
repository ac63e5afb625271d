import { describe, expect, test } from 'vitest';
import type { ArticleName, ArticleRecord } from '../../../lib/db/schema';
import { coMentions, otherArticles } from '../../../lib/panel/reading-memory';

const n = (entityId: string, name: string, count = 1): ArticleName => ({
  key: entityId,
  entityId,
  kind: 'place',
  name,
  count,
  mentions: [],
});
const article = (id: string, visitedAt: number, names: ArticleName[], savedAt?: number) =>
  ({
    id,
    url: `https://${id}`,
    title: id.toUpperCase(),
    site: 'n.example',
    visitedAt,
    names,
    ...(savedAt ? { savedAt } : {}),
  }) as Pick<ArticleRecord, 'id' | 'url' | 'title' | 'site' | 'visitedAt' | 'savedAt' | 'names'>;
const syria = n('Q858', 'Syria', 4);
const iraq = n('Q796', 'Iraq');
const turkey = n('Q43', 'Turkey');
const articles = [
  article('a', 10, [syria, iraq, turkey]),
  article('b', 30, [iraq, syria, { ...iraq }]),
  article('c', 20, [syria, turkey], 40),
  article('d', 50, [iraq, turkey]),
];

describe('coMentions', () => {
  test('counts the articles each other entity shares with the one asked about, once per article', () => {
    expect(coMentions(articles, 'Q858').map((c) => [c.name, c.articles])).toEqual([
      ['Iraq', 2],
      ['Turkey', 2],
    ]);
  });

  test('honours the limit and leaves out unlinked names', () => {
    const withUnknown = [
      article('e', 1, [syria, { key: 'unknown:place:x', kind: 'place', name: 'X', count: 1, mentions: [] }]),
    ];
    expect(coMentions(withUnknown, 'Q858')).toEqual([]);
    expect(coMentions(articles, 'Q858', 1)).toHaveLength(1);
  });
});

describe('otherArticles', () => {
  test('lists the other articles mentioning the entity, newest visit or save first, with counts', () => {
    expect(otherArticles(articles, 'Q858', 'a').map((a) => [a.id, a.at, a.saved, a.count])).toEqual([
      ['c', 40, true, 4],
      ['b', 30, false, 4],
    ]);
  });
});
