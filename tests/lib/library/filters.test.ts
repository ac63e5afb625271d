import { expect, test } from 'vitest';
import type { LibraryItem } from '../../../lib/db/library';
import { dayEnd, dayStart, facetsOf, matchesFilter } from '../../../lib/library/filters';

const base: LibraryItem = {
  id: 'a',
  url: 'a',
  title: 'A',
  site: 'one.example',
  savedAt: new Date(2024, 0, 17, 12).getTime(),
  tags: ['iraq'],
  entityIds: ['Q133'],
  names: [{ key: 'Q133', entityId: 'Q133', kind: 'place', name: 'Erbil', count: 2 }],
};
const other: LibraryItem = {
  ...base,
  id: 'b',
  site: 'two.example',
  savedAt: new Date(2024, 1, 1).getTime(),
  tags: [],
  entityIds: [],
  names: [],
};

test('filters by site, tag, entity and an inclusive range of days', () => {
  expect(matchesFilter(base, { site: 'one.example', tag: 'iraq', entityId: 'Q133' })).toBe(true);
  expect(matchesFilter(other, { tag: 'iraq' })).toBe(false);
  expect(matchesFilter(base, { from: dayStart('2024-01-17'), to: dayEnd('2024-01-17') })).toBe(true);
  expect(matchesFilter(base, { from: dayStart('2024-01-18') })).toBe(false);
  expect(matchesFilter(other, { to: dayEnd('2024-01-31') })).toBe(false);
  expect(dayStart('not a date')).toBeUndefined();
});

test('the filter choices count articles, most common first', () => {
  const f = facetsOf([base, other, { ...base, id: 'c' }]);
  expect(f.sites).toEqual([
    { value: 'one.example', count: 2 },
    { value: 'two.example', count: 1 },
  ]);
  expect(f.tags).toEqual([{ value: 'iraq', count: 2 }]);
  expect(f.entities).toEqual([{ id: 'Q133', name: 'Erbil', kind: 'place', count: 2 }]);
});
