import { expect, test } from 'vitest';
import { withHighlighting } from '../../../lib/background/tab-highlighting';
import type { TabState } from '../../../lib/messages';

const article: TabState = { status: 'article', url: 'https://n.example/a', articleId: 'https://n.example/a', at: 1 };

test('notes that the page’s highlights are off on its site', () => {
  expect(withHighlighting(article, { url: 'https://n.example/a', highlighting: 'off-site' })).toEqual({
    ...article,
    highlighting: 'off-site',
  });
});

test('ignores a report about another page, a tab without an article, an unchanged or unknown value', () => {
  expect(withHighlighting(article, { url: 'https://n.example/b', highlighting: 'off-page' })).toBeNull();
  expect(withHighlighting(undefined, { url: 'https://n.example/a', highlighting: 'off-page' })).toBeNull();
  expect(
    withHighlighting(
      { status: 'not-article', url: 'https://n.example/a', reasons: [], at: 1 },
      {
        url: 'https://n.example/a',
        highlighting: 'off-page',
      },
    ),
  ).toBeNull();
  expect(withHighlighting({ ...article, highlighting: 'on' }, { url: article.url, highlighting: 'on' })).toBeNull();
  expect(withHighlighting(article, { url: article.url, highlighting: 'sideways' as unknown as 'on' })).toBeNull();
});
