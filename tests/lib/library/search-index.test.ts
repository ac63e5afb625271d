import { describe, expect, test } from 'vitest';
import { LibrarySearch, SEARCH_INDEX_FORMAT } from '../../../lib/library/search-index';

function library(): LibrarySearch {
  const s = LibrarySearch.empty();
  s.put({ id: 'a', title: 'Strikes near Qamishli', text: 'Rockets hit the base at dawn.', site: 'one.example' }, 1);
  s.put(
    { id: 'b', title: 'Markets today', text: 'Traders in Qamishli and Erbil watched prices.', site: 'two.example' },
    1,
  );
  s.put({ id: 'c', title: 'Weather', text: 'Rain over Erbil. Snow in the Zagros.', site: 'one.example' }, 1);
  s.put(
    { id: 'd', title: 'Ḩasakah governor visits', text: 'The governor of Al-Ḩasakah met elders.', site: 'two.example' },
    1,
  );
  return s;
}

describe('library search', () => {
  test('a word in the title ranks above the same word in the body', () => {
    expect(
      library()
        .search('qamishli')
        .map((h) => h.id),
    ).toEqual(['a', 'b']);
  });

  test('diacritics do not matter, in the query or in the text', () => {
    expect(
      library()
        .search('hasakah')
        .map((h) => h.id),
    ).toEqual(['d']);
    expect(
      library()
        .search('Ërbíl')
        .map((h) => h.id)
        .sort(),
    ).toEqual(['b', 'c']);
  });

  test('the last word matches as a prefix, earlier words must match whole, and all words must match', () => {
    expect(
      library()
        .search('qami')
        .map((h) => h.id),
    ).toEqual(['a', 'b']);
    expect(
      library()
        .search('erbil rai')
        .map((h) => h.id),
    ).toEqual(['c']);
    expect(library().search('rai erbil')).toEqual([]);
  });

  test('a typo in a long word still finds it, below exact matches', () => {
    expect(
      library()
        .search('govenor')
        .map((h) => h.id),
    ).toEqual(['d']);
  });

  test('filters restrict results, and removed or replaced articles leave no trace', () => {
    const s = library();
    expect(s.search('erbil', (id) => id !== 'b').map((h) => h.id)).toEqual(['c']);
    s.remove('c');
    expect(s.search('erbil').map((h) => h.id)).toEqual(['b']);
    s.put({ id: 'b', title: 'Markets today', text: 'Nothing about that city now.' }, 2);
    expect(s.search('erbil')).toEqual([]);
    expect(s.versionOf('b')).toBe(2);
  });

  test('the index survives serialization, and tells which articles changed since', () => {
    const restored = LibrarySearch.restore(library().serialize());
    expect(restored?.search('qamishli').map((h) => h.id)).toEqual(['a', 'b']);
    expect(
      restored?.diff([
        ['a', 1],
        ['b', 2],
        ['e', 1],
      ]),
    ).toEqual({ stale: ['b', 'e'], gone: ['c', 'd'] });
    expect(LibrarySearch.restore({ ...library().serialize(), format: SEARCH_INDEX_FORMAT + 1 })).toBeNull();
    expect(LibrarySearch.restore({ format: SEARCH_INDEX_FORMAT, index: '{broken', versions: [] })).toBeNull();
  });
});
