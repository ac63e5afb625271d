import { expect, test } from 'vitest';
import { isSamePage } from '../../../lib/content/same-page';

test('a fragment change stays on the same page; a path or query change is a new page', () => {
  expect(isSamePage('https://n.example/a', 'https://n.example/a#comments')).toBe(true);
  expect(isSamePage('https://n.example/a', 'https://n.example/b')).toBe(false);
  expect(isSamePage('https://n.example/a?id=1', 'https://n.example/a?id=2')).toBe(false);
  expect(isSamePage('not a url', 'not a url')).toBe(true);
});
