// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/detect/detect-article';
import { extractText } from '../../../lib/extract/extract-text';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const para = (topic: string) =>
  `<p>Officials in ${topic} said on Monday that the river had risen faster than forecast, and that volunteers would keep working through the night.</p>`;
const story = ['Budapest', 'Győr', 'Vienna', 'Bratislava', 'Passau', 'Linz'].map(para).join('');
const page = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('detectArticle', () => {
  test('a page with several paragraphs of prose is an article, with its story block as root', () => {
    const d = detectArticle(
      parse(page('<title>Floods</title>', `<nav><a href="/">Home</a></nav><div id="s">${story}</div>`)),
    );
    expect(d.isArticle).toBe(true);
    expect(d.root?.id).toBe('s');
    expect(d.title).toBe('Floods');
  });

  test('reasons name each cue with its weight, and the score is their logistic', () => {
    const d = detectArticle(parse(page('<meta property="og:type" content="article">', story)));
    expect(d.reasons).toContain('og:type article (+1.5)');
    expect(d.reasons.some((r) => r.startsWith('prose '))).toBe(true);
    expect(d.score).toBeGreaterThan(0.5);
    expect(d.score).toBeLessThanOrEqual(1);
  });

  test('JSON-LD NewsArticle makes a short story an article', () => {
    const short = para('Győr') + para('Komárom');
    const head = '<script type="application/ld+json">{"@type":"NewsArticle"}</script>';
    expect(detectArticle(parse(page('', short))).isArticle).toBe(false);
    expect(detectArticle(parse(page(head, short))).isArticle).toBe(true);
  });

  test('a home page of teasers is not an article, even without a URL', () => {
    const teasers = Array.from(
      { length: 8 },
      (_, i) =>
        `<article><h3><a href="/story/${i}">Headline number ${i} about the floods</a></h3>${para(`town ${i}`)}</article>`,
    ).join('');
    expect(detectArticle(parse(page('', `<main>${teasers}</main>`))).isArticle).toBe(false);
  });

  test('the home page URL turns a prose page into a non-article', () => {
    const doc = parse(page('', story));
    expect(detectArticle(doc, 'https://news.example/world/2024/09/16/floods').isArticle).toBe(true);
    expect(detectArticle(doc, 'https://news.example/').isArticle).toBe(false);
  });

  test('a search URL or a search box holding a query marks a results page', () => {
    expect(detectArticle(parse(page('', story)), 'https://news.example/search?q=floods').isArticle).toBe(false);
    const box = '<form role="search"><input type="search" name="q" value="floods"></form>';
    expect(detectArticle(parse(page('', box + story))).isArticle).toBe(false);
  });

  test('a timeline of posts, each an <article>, is not an article', () => {
    const posts = Array.from(
      { length: 10 },
      (_, i) => `<article><span>@user${i}</span>${para(`town ${i}`)}</article>`,
    ).join('');
    expect(detectArticle(parse(page('', `<main>${posts}</main>`))).isArticle).toBe(false);
    expect(detectArticle(parse(page('', `<div role="feed">${story}</div>`))).isArticle).toBe(false);
  });

  test('a search box prefilled with a prompt is not a query', () => {
    const box = '<form role="search"><input type="text" name="s" value="Search this site…"></form>';
    expect(detectArticle(parse(page('', box + story))).isArticle).toBe(true);
  });

  test('a product page is not an article', () => {
    const head =
      '<meta property="og:type" content="product"><script type="application/ld+json">{"@type":"Product"}</script>';
    expect(detectArticle(parse(page(head, story))).isArticle).toBe(false);
  });

  test('an empty document is not an article and does not throw', () => {
    const d = detectArticle(parse(''));
    expect(d).toMatchObject({ isArticle: false, root: null });
    expect(d.reasons).toContain('no main text (-6)');
  });

  test('a document without a root element is not an article and does not throw', () => {
    const doc = document.implementation.createDocument(null, null, null);
    expect(detectArticle(doc).isArticle).toBe(false);
  });

  test('a <script> inside the story does not count as text', () => {
    const code = `<script>${'var tracking = "x";'.repeat(2000)}</script>`;
    const d = detectArticle(parse(page('', `<div id="s">${para('Győr')}${code}${para('Pest')}</div>`)));
    expect(d.isArticle).toBe(false);
    expect(d.reasons[0]).toMatch(/^prose \d{3} /);
  });

  // How long it takes is measured by `npm run bench -- --only=in-page` (extract row), never asserted here.
  test('a 2 MB page is analysed without throwing', () => {
    const chrome = `<nav>${'<a href="/x">Section link</a> '.repeat(2000)}</nav>`;
    const unit = `${para('a district')}<div class="ad">Advertisement</div>`;
    const body = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const html = page('<title>Long</title>', `${chrome}<div id="s">${body}</div>`);
    expect(html.length).toBeGreaterThan(2_000_000);
    const doc = parse(html);
    const d = detectArticle(doc);
    const x = d.root ? extractText(d.root) : null;
    expect(d.isArticle).toBe(true);
    expect(d.root?.id).toBe('s');
    expect(x?.text.length).toBeGreaterThan(1_000_000);
  }, 30_000);

  test('does not modify the document', () => {
    const doc = parse(
      page('<title>T</title>', `<nav><a href="/">Home</a></nav><div id="s">${story}</div><p hidden>x</p>`),
    );
    const before = doc.documentElement.outerHTML;
    detectArticle(doc, 'https://news.example/2024/09/16/floods');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
