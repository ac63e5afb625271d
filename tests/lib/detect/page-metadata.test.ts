// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readMetadata } from '../../../lib/detect/page-metadata';

function parse(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

describe('readMetadata', () => {
  test('reads top-level JSON-LD types, lower-cased', () => {
    expect(readMetadata(parse(ld('{"@context":"https://schema.org","@type":"NewsArticle"}'))).ldTypes).toEqual([
      'newsarticle',
    ]);
  });

  test('reads types from @graph members, type arrays and mainEntity', () => {
    const doc = parse(
      ld('{"@graph":[{"@type":"WebSite"},{"@type":["WebPage","ItemPage"],"mainEntity":{"@type":"Article"}}]}'),
    );
    expect(readMetadata(doc).ldTypes.sort()).toEqual(['article', 'itempage', 'webpage', 'website']);
  });

  test('does not read the types of items nested in a list', () => {
    const doc = parse(ld('{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle"}]}'));
    expect(readMetadata(doc).ldTypes).toEqual(['itemlist']);
  });

  test('falls back to the "@type" values when the JSON-LD is broken', () => {
    const doc = parse(ld('{"@type": "NewsArticle", "headline": "Trailing comma",}'));
    expect(readMetadata(doc).ldTypes).toEqual(['newsarticle']);
  });

  test('reads og:type and article:published_time', () => {
    const doc = parse(
      '<meta property="og:type" content="Article"><meta property="article:published_time" content="2024-09-16">',
    );
    expect(readMetadata(doc)).toMatchObject({ ogType: 'article', published: true });
  });

  test('prefers og:title, then <title>, then the first <h1> for the title', () => {
    expect(
      readMetadata(parse('<meta property="og:title" content=" Floods  close ports "><title>T | Site</title>')).title,
    ).toBe('Floods close ports');
    expect(readMetadata(parse('<title>T | Site</title>', '<h1>H</h1>')).title).toBe('T | Site');
    expect(readMetadata(parse('', '<h1>Headline</h1>')).title).toBe('Headline');
  });

  test('an empty document gives empty metadata', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(readMetadata(doc)).toEqual({ ldTypes: [], ogType: '', published: false, title: '' });
  });
});
