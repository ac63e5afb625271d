// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createPageSession, type PageSessionDeps } from '../../../lib/content/page-session';
import { detectArticle } from '../../../lib/detect/detect-article';
import { extractText } from '../../../lib/extract/extract-text';
import type { AddedText, ArticleToAnalyze, HighlightingState } from '../../../lib/messages';
import type { Mention } from '../../../lib/recognize/types';

const URL_A = 'https://news.example/world/2024/03/04/border-talks-resume-in-damascus';
const URL_B = 'https://news.example/world/2024/03/05/leaders-meet-in-kyiv-again';
const PARAGRAPH =
  'Officials in Damascus said on Monday that talks with Iraq would resume next week, after a month in which ' +
  'cross-border trade had slowed and both governments traded accusations over the closure of the crossing. ';

function articleHtml(body: string, canonical = '/world/2024/03/04/border-talks-resume-in-damascus'): string {
  return `<html><head><title>Talks</title><meta property="og:type" content="article">
    <link rel="canonical" href="${canonical}"></head>
    <body><nav><a href="/">Home</a></nav><article><h1>Talks resume</h1>${body}</article></body></html>`;
}

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

function mentionsIn(text: string): Mention[] {
  return [...text.matchAll(/Damascus|Iraq|Kyiv|Lviv/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'place' as const,
    entityId: m[0],
    name: m[0],
    confidence: 1,
    surface: m[0],
  }));
}

let controller = new AbortController();
afterEach(() => controller.abort());

function session(
  options: { siteOn?: boolean; url?: string; analyzeDelayMs?: number; analyzeGate?: Promise<void> } = {},
) {
  controller = new AbortController();
  let url = options.url ?? URL_A;
  const sent: ArticleToAnalyze[] = [];
  const added: AddedText[] = [];
  const changes: HighlightingState[] = [];
  const stored: [string, boolean][] = [];
  const skipped: string[] = [];
  const deps: PageSessionDeps = {
    doc: document,
    signal: controller.signal,
    url: () => url,
    detect: detectArticle,
    extract: extractText,
    analyze: async (article) => {
      sent.push(article);
      if (options.analyzeDelayMs) await sleep(options.analyzeDelayMs);
      if (options.analyzeGate) await options.analyzeGate;
      return { ok: true, value: { articleId: article.url, mentions: mentionsIn(article.text) } };
    },
    analyzeAdded: async (part) => {
      added.push(part);
      return { ok: true, value: { mentions: mentionsIn(part.text) } };
    },
    skipped: async (page) => {
      skipped.push(page.url);
      return { ok: true, value: null };
    },
    highlightingChanged: async (change) => {
      changes.push(change.highlighting);
      return { ok: true, value: null };
    },
    setSiteHighlighting: async (site, on) => void stored.push([site, on]),
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
    timers: {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms) as unknown as number,
      clearTimeout: (id) => window.clearTimeout(id),
    },
    MutationObserver: window.MutationObserver as unknown as typeof MutationObserver,
    timing: { debounceMs: 10, maxWaitMs: 100, idleMs: 1_000, settleMs: 20, settleMaxMs: 200 },
  };
  const s = createPageSession(deps);
  const started = s.start(Promise.resolve(options.siteOn ?? true));
  return {
    s,
    started,
    sent,
    added,
    changes,
    stored,
    skipped,
    go: (next: string) => {
      url = next;
    },
  };
}

const marks = () => [...document.querySelectorAll('bs-mention')].map((m) => m.textContent);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for a state, however long a busy machine takes to get there (no test here asserts a duration). */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 5 });

describe('page session', () => {
  test('reads an article once and marks its names', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, sent } = session();
    await started;
    await s.settled();
    expect(sent).toHaveLength(1);
    expect(sent[0].highlighting).toBe('on');
    expect(marks()).toHaveLength(8);
    expect(s.state()).toEqual({
      site: 'news.example',
      on: true,
      siteOn: true,
      status: 'article',
      marks: 8,
      busy: false,
    });
  });

  test('says it is busy while the background works and the marks are written, and not once they are all in', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started } = session({ analyzeDelayMs: 20 });
    expect(s.state()).toMatchObject({ status: 'working', busy: true });
    await started;
    await s.settled();
    expect(s.state()).toMatchObject({ status: 'article', busy: false, marks: 8 });
  });

  test('with the site switched off it still reads the page, but marks nothing until the site is on again', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, sent, changes } = session({ siteOn: false });
    await started;
    await s.settled();
    expect(sent[0].highlighting).toBe('off-site');
    expect(marks()).toHaveLength(0);
    s.siteSettingChanged(true);
    await eventually(() => expect(marks()).toHaveLength(8));
    await eventually(() => expect(s.state().busy).toBe(false));
    expect(changes).toEqual(['on']);
  });

  test('the page switch removes every mark, restoring the markup, and brings them back', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const original = (document.querySelector('article') as Element).innerHTML;
    const { s, started, changes } = session();
    await started;
    await s.settled();
    const off = await s.setPage();
    expect(off).toMatchObject({ on: false, siteOn: true, marks: 0 });
    expect((document.querySelector('article') as Element).innerHTML).toBe(original);
    const on = await s.setPage(true);
    expect(on).toMatchObject({ on: true, marks: 8 });
    expect(changes).toEqual(['off-page', 'on']);
  });

  test('the site switch stores the site and overrides the page switch', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, stored, changes } = session();
    await started;
    await s.settled();
    await s.setPage(false);
    expect(await s.setSite(false)).toMatchObject({ on: false, siteOn: false, marks: 0 });
    expect(stored).toEqual([['news.example', false]]);
    expect(changes).toEqual(['off-page', 'off-site']);
    expect(await s.setSite(true)).toMatchObject({ on: true, siteOn: true, marks: 8 });
  });

  test('a block the page adds later is read alone and marked; earlier marks stay as they were', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, added } = session();
    await started;
    await s.settled();
    const firstParagraph = (document.querySelector('article p') as Element).innerHTML;
    const entry = document.createElement('section');
    entry.innerHTML = '<p>Olaf Scholz visited Kyiv and Lviv on Sunday.</p>';
    (document.querySelector('article') as Element).append(entry);
    await eventually(() => expect(entry.querySelectorAll('bs-mention')).toHaveLength(2));
    expect(added).toEqual([{ url: URL_A, articleId: URL_A, text: 'Olaf Scholz visited Kyiv and Lviv on Sunday.' }]);
    expect([...entry.querySelectorAll('bs-mention')].map((m) => m.textContent)).toEqual(['Kyiv', 'Lviv']);
    expect((document.querySelector('article p') as Element).innerHTML).toBe(firstParagraph);
    expect(document.querySelectorAll('bs-mention bs-mention')).toHaveLength(0);
    // A paragraph the page moves is not new text: once a later block is read, only that block was sent.
    const moved = document.querySelector('article p') as Element;
    (document.querySelector('article') as Element).append(moved);
    const later = document.createElement('p');
    later.textContent = 'Later, talks moved to Lviv.';
    (document.querySelector('article') as Element).append(later);
    await eventually(() => expect(later.querySelectorAll('bs-mention')).toHaveLength(1));
    expect(added.map((a) => a.text)).toEqual([
      'Olaf Scholz visited Kyiv and Lviv on Sunday.',
      'Later, talks moved to Lviv.',
    ]);
  });

  test('a block added while the background is still working is read once the answer is in', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    let answer = () => {};
    const { s, started, added, sent } = session({ analyzeGate: new Promise<void>((r) => (answer = r)) });
    await eventually(() => expect(sent).toHaveLength(1));
    const entry = document.createElement('p');
    entry.textContent = 'Meanwhile in Kyiv, officials said the talks would go on.';
    (document.querySelector('article') as Element).append(entry);
    answer();
    await started;
    await eventually(() => expect(entry.querySelectorAll('bs-mention')).toHaveLength(1));
    await s.settled();
    expect(added.map((a) => a.text)).toEqual(['Meanwhile in Kyiv, officials said the talks would go on.']);
    expect([...entry.querySelectorAll('bs-mention')].map((m) => m.textContent)).toEqual(['Kyiv']);
  });

  test('outside the article, only a block with a story’s worth of text is read (not a ticker)', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, added } = session();
    await started;
    await s.settled();
    const ticker = document.createElement('div');
    ticker.textContent = 'Markets: Kyiv stocks up 2%';
    document.body.prepend(ticker);
    const next = document.createElement('section');
    next.innerHTML = `<h2>Next story</h2><p>${PARAGRAPH}</p><p>${PARAGRAPH.replace('Damascus', 'Kyiv')}</p>`;
    document.body.append(next);
    await eventually(() => expect(next.querySelectorAll('bs-mention').length).toBeGreaterThan(0));
    // Read in the same batch as the story, or in one before it: either way, never sent.
    expect(added).toHaveLength(1);
    expect(added[0].text).not.toContain('Markets');
    expect(ticker.querySelectorAll('bs-mention')).toHaveLength(0);
  });

  test('a page that renders its article late is read again once it has grown', async () => {
    load('<html><head><title>App</title></head><body><div id="app">Loading…</div></body></html>');
    const { s, started, sent, skipped } = session();
    await started;
    await s.settled();
    expect(sent).toHaveLength(0);
    expect(skipped).toEqual([URL_A]);
    const app = document.getElementById('app') as Element;
    app.innerHTML = `<article><h1>Talks resume</h1>${`<p>${PARAGRAPH}</p>`.repeat(5)}</article>`;
    await eventually(() => expect(sent).toHaveLength(1));
    await s.settled();
    expect(marks().length).toBeGreaterThan(0);
  });

  test('an SPA navigation removes the old marks and reads the new page under its own address', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, sent, go } = session();
    await started;
    await s.settled();
    // The app swaps the story but keeps the first page's canonical link, as many do.
    (document.querySelector('article') as Element).innerHTML =
      `<h1>Leaders meet</h1>${'<p>Leaders met in Kyiv on Tuesday and agreed to meet again in Lviv before the winter, officials said after the talks ended late in the evening. </p>'.repeat(5)}`;
    go(URL_B);
    await s.navigated(URL_B);
    await s.settled();
    expect(sent).toHaveLength(2);
    expect(sent[1].url).toBe(URL_B);
    expect(sent[1].canonical).toBeUndefined();
    expect(new Set(marks())).toEqual(new Set(['Kyiv', 'Lviv']));
  });

  test('reading again (after a correction) sends the page once more and makes its marks anew, once', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, sent } = session();
    await started;
    await s.settled();
    await s.reread();
    await s.settled();
    expect(sent).toHaveLength(2);
    expect(sent[1].url).toBe(URL_A);
    expect(marks()).toHaveLength(8);
  });

  test('reading again keeps the page switch: a page turned off stays without marks', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, sent } = session();
    await started;
    await s.settled();
    await s.setPage(false);
    await s.reread();
    await s.settled();
    expect(sent).toHaveLength(2);
    expect(marks()).toHaveLength(0);
    expect(s.state().on).toBe(false);
  });

  test('a jump to a fragment of the same page is not a navigation', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started, sent } = session();
    await started;
    await s.settled();
    await s.navigated(`${URL_A}#comments`);
    expect(sent).toHaveLength(1);
    expect(marks()).toHaveLength(8);
  });

  test('disposing (the extension was reloaded) removes every mark', async () => {
    load(articleHtml(`<p>${PARAGRAPH}</p>`.repeat(4)));
    const { s, started } = session();
    await started;
    await s.settled();
    s.dispose();
    expect(marks()).toHaveLength(0);
  });
});
