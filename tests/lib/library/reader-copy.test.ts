import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { plainTextOf, readerCopyOf } from '../../../lib/library/reader-copy';

const ROOT = join(import.meta.dirname, '../../..');
const SEED = readFileSync(join(ROOT, 'tests/fixtures/site/news/us-forces-evacuate-syria-bases.html'), 'utf8');
const URL_ = 'https://news.example/world/us-forces-evacuate?utm_source=x';

describe('the reader copy of a page snapshot', () => {
  test('the seed article gives its title, body, date, language and no page chrome', () => {
    const copy = readerCopyOf({ url: URL_, title: 'ignored', html: SEED });
    expect(copy.title).toBe('US Forces Evacuate Military Bases In Syria After ‘Repeated Attacks’');
    expect(copy.text).toContain('US military forces on Wednesday evacuated the Hemo military base');
    expect(copy.text).toContain('\n\n');
    expect(copy.text).not.toContain('Politics');
    expect(copy).toMatchObject({ publishedAt: '2024-01-17T19:32:00+05:30', lang: 'en', byline: 'Digital Desk' });
    expect(copy.html).not.toMatch(/<script|<nav/i);
  });

  test('our highlight wrappers are removed and their text kept; our UI elements are dropped', () => {
    const live = SEED.replace(
      'Hemo military base near',
      '<bs-mention data-bs-kind="place">Hemo</bs-mention> military base near',
    ).replace('</body>', '<bs-ui>card text</bs-ui></body>');
    const copy = readerCopyOf({ url: URL_, title: '', html: live });
    expect(copy.html).not.toContain('bs-mention');
    expect(copy.text).toContain('evacuated the Hemo military base near');
    expect(copy.text).not.toContain('card text');
  });

  test('relative links and images become absolute, and javascript: links lose their address', () => {
    const html = `<html><head><title>T</title><meta property="og:image" content="/lead.jpg"></head><body><article>
      <h1>Title of the story</h1>${'<p>A long enough paragraph of the story, about the border and the towns along it. </p>'.repeat(12)}
      <p>See <a href="/more">more</a> and <a href="javascript:alert(1)">this</a>.<img src="pic.jpg" srcset="a.jpg 2x"></p>
      </article></body></html>`;
    const copy = readerCopyOf({ url: 'https://news.example/a/b.html', title: 'T', html });
    expect(copy.html).toContain('href="https://news.example/more"');
    expect(copy.html).not.toContain('javascript:');
    expect(copy.html).toContain('src="https://news.example/a/pic.jpg"');
    expect(copy.html).not.toContain('srcset');
    expect(copy.imageUrl).toBe('https://news.example/lead.jpg');
  });

  test('a page without an article is refused with words for the reader', () => {
    expect(() => readerCopyOf({ url: URL_, title: 'Empty', html: '<html><body></body></html>' })).toThrow(
      /no article found/,
    );
  });

  test('plain text separates blocks by blank lines and collapses spaces', () => {
    expect(plainTextOf('<h2>Head</h2><p>One   two\n three</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Head\n\nOne two three\n\na\n\nb',
    );
  });
});
