import { describe, expect, test } from 'vitest';
import type { ArticleName } from '../../../lib/db/schema';
import { groupForPanel, matchesFilter } from '../../../lib/panel/entity-list';

const name = (key: string, kind: ArticleName['kind'], n: string, count: number, linked = true): ArticleName => ({
  key,
  kind,
  name: n,
  count,
  mentions: [],
  ...(linked ? { entityId: key } : {}),
});
const names = [
  name('Q796', 'place', 'Iraq', 3),
  name('Q858', 'place', 'Syria', 7),
  name('unknown:place:hemo', 'place', 'Hemo', 5, false),
  name('Q6279', 'person', 'Joe Biden', 1),
  name('gn:1', 'place', 'Ḩasakah', 3),
  name('unknown:organization:abc', 'organization', 'ABC Group', 2, false),
];

describe('groupForPanel', () => {
  test('groups linked names by kind and unknown names apart, most mentioned first, ties by name', () => {
    expect(groupForPanel(names).map((g) => [g.title, g.rows.map((r) => r.name)])).toEqual([
      ['Places', ['Syria', 'Ḩasakah', 'Iraq']],
      ['People', ['Joe Biden']],
      ['Unknown names', ['Hemo', 'ABC Group']],
    ]);
  });

  test('filters by name, ignoring case and accents, and drops emptied groups', () => {
    expect(groupForPanel(names, 'HASA').map((g) => [g.id, g.rows.map((r) => r.key)])).toEqual([['place', ['gn:1']]]);
    expect(groupForPanel(names, 'zzz')).toEqual([]);
  });
});

describe('matchesFilter', () => {
  test('an empty filter matches everything', () => {
    expect(matchesFilter(names[0], '  ')).toBe(true);
  });
});
