// Sanitizing runs in real Chromium: DOMPurify needs a faithful DOM, and happy-dom is not one (its node iterator
// loses its place when DOMPurify removes a node, so what follows a <script> goes unchecked). The library page's
// sanitizer module is bundled as is (esbuild) and run in a blank page; each test renders a hostile saved page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createReaderSanitizer } from '../../../lib/library/sanitize';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '../../..');

const HOSTILE =
  '<p onclick="window.__pwned=1">Erbil <img src="https://tracker.example/p.gif" onerror="window.__pwned=2" ' +
  'srcset="https://t.example/x 2x"><a href="javascript:window.__pwned=3">js</a> <a href=" JaVaScRiPt:steal()">js2</a> ' +
  '<a href="https://news.example/more">more</a> <a href="/relative">rel</a></p><script>window.__pwned=4</script>' +
  '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="q"><button>go</button>' +
  '</form><style>body{display:none}</style><div style="position:fixed">styled</div><object data="x.swf"></object>' +
  '<a href="data:text/html,<script>1</script>">d</a><svg onload="window.__pwned=5"><a href="javascript:1">s</a></svg>' +
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=6"></style></mglyph></table></mtext></math>';

let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(ROOT, 'lib/library/sanitize.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Sanitize',
    write: false,
    logLevel: 'silent',
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  pwned: number | null;
  dangerous: number;
  attributes: string[];
  hrefs: (string | null)[];
  targets: (string | null)[];
  rels: (string | null)[];
  imgSrc: (string | null)[];
  held: (string | null)[];
  pageAttributes: string[];
  text: string;
}

/** Renders sanitized HTML into the page as the reader view does, waits a little, and reports what is live. */
async function render(html: string, showImages = false): Promise<Rendered> {
  return page.evaluate(
    async ({ html, showImages }) => {
      const w = window as unknown as {
        __pwned?: number;
        Sanitize: { createReaderSanitizer(w: Window): { sanitize(h: string, o: object): string } };
      };
      w.__pwned = undefined;
      const root = document.createElement('div');
      document.body.replaceChildren(root);
      root.innerHTML = w.Sanitize.createReaderSanitizer(window).sanitize(html, { showImages });
      await new Promise((r) => setTimeout(r, 200));
      const all = [...root.querySelectorAll('*')];
      const links = [...root.querySelectorAll('a')];
      return {
        pwned: w.__pwned ?? null,
        dangerous: root.querySelectorAll('script, iframe, form, input, button, style, object, svg, math').length,
        attributes: all.flatMap((el) =>
          [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('on') || n === 'style' || n === 'srcset'),
        ),
        hrefs: links.map((a) => a.getAttribute('href')),
        targets: links.filter((a) => a.hasAttribute('href')).map((a) => a.getAttribute('target')),
        rels: links.filter((a) => a.hasAttribute('href')).map((a) => a.getAttribute('rel')),
        imgSrc: [...root.querySelectorAll('img')].map((i) => i.getAttribute('src')),
        held: [...root.querySelectorAll('img')].map((i) => i.getAttribute('data-bs-src')),
        pageAttributes: all.flatMap((el) =>
          [...el.attributes]
            .map((a) => a.name)
            .filter((n) => ['class', 'id', 'role'].includes(n) || n.startsWith('aria-')),
        ),
        text: root.textContent ?? '',
      };
    },
    { html, showImages },
  );
}

describe.skipIf(!existsSync(CHROMIUM))('reader sanitizing (in Chromium)', () => {
  test('a hostile saved page renders inert: no script, handler, frame, form, style or object survives', async () => {
    const r = await render(HOSTILE);
    expect(r.pwned).toBeNull();
    expect(r.dangerous).toBe(0);
    expect(r.attributes).toEqual([]);
    expect(r.text).toContain('Erbil');
    expect(r.text).toContain('styled');
  });

  test('only http(s) links survive, opening in a new tab without an opener or referrer', async () => {
    const r = await render(HOSTILE);
    expect(r.hrefs.filter((h) => h !== null)).toEqual(['https://news.example/more']);
    expect(r.targets).toEqual(['_blank']);
    expect(r.rels).toEqual(['noopener noreferrer']);
  });

  test("the page's class, id, role and aria attributes go: saved text cannot dress as the library's UI or an alert", async () => {
    const r = await render(
      '<div class="bs-toast error" id="library-search" role="alert" aria-live="assertive">Your library was deleted</div>',
    );
    expect(r.pageAttributes).toEqual([]);
    expect(r.text).toBe('Your library was deleted');
  });

  test('remote images are held back by default and load only when asked for', async () => {
    const held = await render(HOSTILE);
    expect(held.imgSrc).toEqual([null]);
    expect(held.held).toEqual(['https://tracker.example/p.gif']);
    const shown = await render(HOSTILE, true);
    expect(shown.imgSrc).toEqual(['https://tracker.example/p.gif']);
  });
});

test('a DOM where DOMPurify cannot work is refused instead of passing the HTML through', () => {
  // linkedom: DOMPurify would hand its input back unchanged.
  const { window: fake } = parseHTML('<!doctype html><html><body></body></html>');
  expect(() => createReaderSanitizer(fake as unknown as Window)).toThrow(/sanitizer does not work/);
});
