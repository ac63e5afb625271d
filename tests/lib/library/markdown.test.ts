import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import type { ArticleRecord, SavedPageRecord } from '../../../lib/db/schema';
import { articleMarkdown, fileNameFor } from '../../../lib/library/markdown';

const article: ArticleRecord = {
  id: 'https://news.example/a',
  url: 'https://news.example/a',
  title: 'Strikes: "near" Erbil',
  site: 'news.example',
  text: '',
  visitedAt: 1,
  savedAt: Date.UTC(2024, 0, 17),
  entityIds: ['Q133'],
  tags: ['iraq', 'drones'],
  names: [{ key: 'Q133', entityId: 'Q133', kind: 'place', name: 'Erbil', count: 1, mentions: [] }],
};
const page: SavedPageRecord = {
  id: article.id,
  html: '',
  byline: 'A. Writer',
  publishedAt: '2024-01-17',
  lang: 'en',
  savedAt: 1,
  updatedAt: 1,
};

test('an article becomes front matter, a heading and Markdown blocks', () => {
  const { document } = parseHTML(
    '<div id="r"><h2>Background</h2><p>Drones hit <a href="https://x.example/a">Erbil</a> *twice*.</p><ul><li>one</li><li><strong>two</strong></li></ul><blockquote><p>Quoted.</p></blockquote><p><img data-bs-src="https://x.example/i.jpg" alt="map"></p></div>',
  );
  const md = articleMarkdown(article, page, document.getElementById('r') as unknown as Node);
  expect(md).toBe(
    [
      '---',
      'title: "Strikes: \\"near\\" Erbil"',
      'url: "https://news.example/a"',
      'site: "news.example"',
      'byline: "A. Writer"',
      'published: "2024-01-17"',
      'saved: "2024-01-17T00:00:00.000Z"',
      'lang: "en"',
      'tags: ["iraq", "drones"]',
      'entities:',
      '  - { id: "Q133", name: "Erbil", kind: place }',
      '---',
      '',
      '# Strikes: "near" Erbil',
      '',
      '## Background',
      '',
      'Drones hit [Erbil](https://x.example/a) \\*twice\\*.',
      '',
      '- one\n- **two**',
      '',
      '> Quoted.',
      '',
      '![map](https://x.example/i.jpg)',
      '',
    ].join('\n'),
  );
});

test('file names are plain and short', () => {
  expect(fileNameFor('Ḩasakah: “Repeated attacks”!', 'md')).toBe('hasakah-repeated-attacks.md');
  expect(fileNameFor('***', 'md')).toBe('article.md');
});
