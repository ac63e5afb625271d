import { describe, expect, test } from 'vitest';
import { urlShape } from '../../../lib/detect/url-shape';

describe('urlShape', () => {
  test('the site root and index files are home pages', () => {
    expect(urlShape('https://www.bbc.com/').kind).toBe('home');
    expect(urlShape('https://example.org/index.html').kind).toBe('home');
  });

  test('a search path or a query parameter marks a search page', () => {
    expect(urlShape('https://www.theguardian.com/search?q=floods').kind).toBe('search');
    expect(urlShape('https://example.org/?s=danube').kind).toBe('search');
    expect(urlShape('https://www.lemonde.fr/recherche/').kind).toBe('search');
  });

  test('tag, category, author and paging paths are listings', () => {
    expect(urlShape('https://example.org/tag/hungary/').kind).toBe('listing');
    expect(urlShape('https://example.org/category/world/page/2').kind).toBe('listing');
    expect(urlShape('https://example.org/author/anna-kovacs').kind).toBe('listing');
  });

  test('product and cart paths are shops', () => {
    expect(urlShape('https://shop.example/products/backpack').kind).toBe('shop');
    expect(urlShape('https://www.amazon.com/dp/B0123').kind).toBe('shop');
  });

  test('dated paths, long slugs and long numeric ids look like single articles', () => {
    expect(urlShape('https://www.nytimes.com/2024/09/16/world/europe/floods.html').kind).toBe('article');
    expect(urlShape('https://www.bbc.com/news/world-europe-68712345').kind).toBe('article');
    expect(urlShape('https://www.theguardian.com/world/2024/sep/16/floods').kind).toBe('article');
    expect(urlShape('https://example.org/world/danube-floods-close-ports-in-hungary').kind).toBe('article');
  });

  test('a slug after a section word is still an article', () => {
    expect(urlShape('https://example.org/section/world/danube-floods-close-ports-in-hungary').kind).toBe('article');
  });

  test('missing, malformed and non-web URLs are unknown', () => {
    expect(urlShape(undefined).kind).toBe('unknown');
    expect(urlShape('not a url').kind).toBe('unknown');
    expect(urlShape('file:///home/me/page.html').kind).toBe('unknown');
    expect(urlShape('https://example.org/about').kind).toBe('unknown');
  });
});
