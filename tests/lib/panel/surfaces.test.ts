import { describe, expect, test } from 'vitest';
import type { ArticleName } from '../../../lib/db/schema';
import { surfacesOf } from '../../../lib/panel/surfaces';

const text = 'U.S. troops left. The US said the  U.S. would stay.';
const name: ArticleName = {
  key: 'Q30',
  entityId: 'Q30',
  kind: 'place',
  name: 'United States',
  count: 3,
  mentions: [
    { start: 22, end: 24 },
    { start: 0, end: 4 },
    { start: 35, end: 39 },
  ],
};

describe('surfacesOf', () => {
  test('lists each way the article writes the name once, in text order', () => {
    expect(surfacesOf({ text }, name)).toEqual(['U.S.', 'US']);
    expect(surfacesOf({ text: 'US and Syria' }, { ...name, mentions: [{ start: 0, end: 2 }] })).toEqual(['US']);
  });

  test('falls back to the display name without the article, and to nothing without a name', () => {
    expect(surfacesOf(undefined, name)).toEqual(['United States']);
    expect(surfacesOf({ text }, undefined)).toEqual([]);
  });
});
