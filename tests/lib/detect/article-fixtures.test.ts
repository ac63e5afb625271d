// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../lib/detect/analyze-page';
import { toPlainText } from '../../../lib/extract/extract-text';

/** Golden files: tests/fixtures/articles/<slug>/{source.html, expected.json}, written by `scripts/detect.ts --expected`. */
interface Expected {
  url?: string;
  isArticle: boolean;
  title: string;
  text: string | null;
}

const root = join(__dirname, '..', '..', 'fixtures', 'articles');
const slugs = readdirSync(root).sort();

describe('article fixtures', () => {
  test('there are fixtures for articles and for non-articles', () => {
    const verdicts = slugs.map(
      (s) => (JSON.parse(readFileSync(join(root, s, 'expected.json'), 'utf8')) as Expected).isArticle,
    );
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  test.each(slugs)('%s: verdict, title and text match expected.json', (slug) => {
    const html = readFileSync(join(root, slug, 'source.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(root, slug, 'expected.json'), 'utf8')) as Expected;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const { detection, extracted } = analyzePage(doc, expected.url);
    expect(detection.isArticle).toBe(expected.isArticle);
    expect(detection.title).toBe(expected.title);
    expect(extracted ? toPlainText(extracted) : null).toBe(expected.text);
  });
});
