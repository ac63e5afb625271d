// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { runReadingFlow } from '../../../lib/content/reading-flow';
import { detectArticle } from '../../../lib/detect/detect-article';
import { extractText } from '../../../lib/extract/extract-text';
import type { AnalyzedArticle, ArticleToAnalyze, Result } from '../../../lib/messages';

const PARAGRAPH =
  'Officials in Damascus said on Monday that talks with Iraq would resume next week, after a month in which ' +
  'cross-border trade had slowed and both governments traded accusations over the closure of the crossing. ';

function articleHtml(body: string): string {
  return `<html><head><title>Talks resume</title><meta property="og:type" content="article"></head>
    <body><nav><a href="/">Home</a></nav><article><h1>Talks resume</h1>${body}</article><footer>© News</footer></body></html>`;
}

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

/** A background that finds every "Iraq" and "Damascus" in the text it is sent. */
function fakeBackground(sent: ArticleToAnalyze[] = []) {
  return async (article: ArticleToAnalyze): Promise<Result<AnalyzedArticle>> => {
    sent.push(article);
    const mentions = [...article.text.matchAll(/Iraq|Damascus/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'place' as const,
      entityId: m[0],
      name: m[0],
      confidence: 1,
      surface: m[0],
    }));
    return { ok: true, value: { articleId: 'a', mentions } };
  };
}

function flow(doc: Document, analyze = fakeBackground()) {
  return runReadingFlow({
    doc,
    url: 'https://news.example/world/2024/talks-resume',
    detect: detectArticle,
    extract: extractText,
    analyze,
    skipped: async () => ({ ok: true, value: null }),
  });
}

describe('runReadingFlow on bad input', () => {
  test('an empty page is skipped without an error', async () => {
    const outcome = await flow(load('<html><head></head><body></body></html>'));
    expect(outcome.status).toBe('not-article');
  });

  test('a 2 MB article is analyzed and highlighted without throwing', async () => {
    const paragraphs = `<p>${PARAGRAPH.repeat(10)}</p>`.repeat(Math.ceil(2_000_000 / (PARAGRAPH.length * 10)));
    const doc = load(articleHtml(paragraphs));
    const sent: ArticleToAnalyze[] = [];
    const outcome = await flow(doc, fakeBackground(sent));
    expect(outcome.status).toBe('highlighted');
    expect(sent[0].text.length).toBeGreaterThan(1_900_000);
  }, 30_000);

  test('a <script> inside the article text is neither sent nor run, and the text is unchanged', async () => {
    const doc = load(
      articleHtml(`<p>${PARAGRAPH}</p><script>window.__ran = "Iraq"</script><p>${PARAGRAPH}</p>`.repeat(3)),
    );
    const before = doc.body.textContent;
    const sent: ArticleToAnalyze[] = [];
    const outcome = await flow(doc, fakeBackground(sent));
    expect(outcome.status).toBe('highlighted');
    expect(sent[0].text).not.toContain('__ran');
    expect(doc.body.textContent).toBe(before);
  });

  test('a page that changes while the background works keeps its new text and gets no broken marks', async () => {
    const doc = load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(6)));
    const slowBackground = async (article: ArticleToAnalyze) => {
      // The page rewrites its first paragraph before the answer comes back.
      (doc.querySelector('article p') as HTMLElement).textContent = 'Live update: the crossing reopened.';
      return fakeBackground()(article);
    };
    const outcome = await flow(doc, slowBackground);
    expect(outcome.status).toBe('highlighted');
    expect(doc.querySelector('article p')?.textContent).toBe('Live update: the crossing reopened.');
    for (const mark of doc.querySelectorAll('bs-mention')) expect(['Iraq', 'Damascus']).toContain(mark.textContent);
  });

  test('an article with no text still tells the background, so the panel does not show the previous page', async () => {
    const doc = load(articleHtml(''));
    const skipped: string[][] = [];
    const outcome = await runReadingFlow({
      doc,
      url: 'https://news.example/world/2024/talks-resume',
      detect: () => ({ isArticle: true, score: 1, reasons: ['forced'], root: doc.body, title: 'T' }),
      extract: () => ({ text: '  ', segments: [] }),
      analyze: fakeBackground(),
      skipped: async (page) => {
        skipped.push(page.reasons);
        return { ok: true, value: null };
      },
    });
    expect(outcome.status).toBe('empty');
    expect(skipped).toEqual([['forced', 'no text']]);
  });

  test('a page that changed under the flow (an SPA navigation) stops it quietly, before any mark', async () => {
    const doc = load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(6)));
    let navigated = false;
    const outcome = await runReadingFlow({
      doc,
      url: 'https://news.example/world/2024/talks-resume',
      detect: detectArticle,
      extract: extractText,
      analyze: async (article) => {
        navigated = true;
        return fakeBackground()(article);
      },
      skipped: async () => ({ ok: true, value: null }),
      stopped: () => navigated,
    });
    expect(outcome.status).toBe('stopped');
    expect(doc.querySelectorAll('bs-mention')).toHaveLength(0);
  });

  test('an error from the background is returned, not thrown', async () => {
    const doc = load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(6)));
    const outcome = await flow(doc, async () => ({ ok: false, error: 'knowledge base missing: 404' }));
    expect(outcome).toEqual({ status: 'error', error: 'knowledge base missing: 404' });
    expect(doc.querySelectorAll('bs-mention')).toHaveLength(0);
  });
});
