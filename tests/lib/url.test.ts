import { describe, expect, test } from 'vitest';
import { canonicalUrl, siteOf } from '../../lib/url';

describe('canonicalUrl', () => {
  test('drops the fragment, tracking parameters and a trailing slash', () => {
    expect(canonicalUrl('https://news.example/world/story/?utm_source=x&id=3#comments')).toBe(
      'https://news.example/world/story?id=3',
    );
  });

  test('takes the canonical link on the same site', () => {
    expect(canonicalUrl('https://news.example/amp/story', '/world/story')).toBe('https://news.example/world/story');
  });

  test('ignores a canonical link to another site', () => {
    expect(canonicalUrl('https://news.example/story', 'https://evil.example/x')).toBe('https://news.example/story');
  });

  test('returns a malformed address unchanged', () => {
    expect(canonicalUrl('not a url')).toBe('not a url');
  });
});

describe('siteOf', () => {
  test('gives the host without www', () => {
    expect(siteOf('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
  });
});
