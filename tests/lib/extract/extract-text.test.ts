// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { extractText, extractTextSteps, toPlainText } from '../../../lib/extract/extract-text';
import type { ExtractedText } from '../../../lib/extract/types';
import { runStepsInSlices } from '../../../lib/slices';

function parse(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`, 'text/html');
}

/** Extracts from the document's <div id="root">. */
function extract(body: string): ExtractedText {
  const root = parse(body).getElementById('root');
  if (!root) throw new Error('fixture needs <div id="root">');
  return extractText(root);
}

/** Every segment must be a verbatim slice of its node, sorted and non-overlapping. */
function expectExactMap(x: ExtractedText): void {
  let prev = 0;
  for (const s of x.segments) {
    expect(s.start).toBeGreaterThanOrEqual(prev);
    expect(s.end).toBeGreaterThan(s.start);
    expect(x.text.slice(s.start, s.end)).toBe(s.node.data.slice(s.nodeOffset, s.nodeOffset + (s.end - s.start)));
    prev = s.end;
  }
}

/** The characters between segments: only separators. */
function gaps(x: ExtractedText): string[] {
  const out: string[] = [];
  let prev = 0;
  for (const s of x.segments) {
    if (s.start > prev) out.push(x.text.slice(prev, s.start));
    prev = s.end;
  }
  if (prev < x.text.length) out.push(x.text.slice(prev));
  return out;
}

const P = 'The mayor of Bratislava said the flood barriers along the Danube were holding on Monday night.';

describe('extractText', () => {
  test('every segment is a verbatim slice of one text node', () => {
    const x = extract(
      `<div id="root"><p>${P}</p><p>In <a href="/x">Győr</a>, <em>soldiers</em> stacked sandbags.</p></div>`,
    );
    expect(x.segments.length).toBeGreaterThan(3);
    expectExactMap(x);
  });

  test('blocks are separated by a blank line and <br> by a newline, and separators belong to no segment', () => {
    const x = extract('<div id="root"><p>One</p><p>Two<br>Three</p><ul><li>Four</li><li>Five</li></ul></div>');
    expect(x.text).toBe('One\n\nTwo\nThree\n\nFour\nFive');
    expect(gaps(x)).toEqual(['\n\n', '\n', '\n\n', '\n']);
  });

  test('inline elements do not break words', () => {
    const x = extract('<div id="root"><p>Ber<em>lin</em> and Wa<a href="#">rs</a><span>aw</span></p></div>');
    expect(x.text).toBe('Berlin and Warsaw');
    expect(gaps(x)).toEqual([]);
  });

  test('code, media, embedded documents and form controls are skipped', () => {
    const x = extract(
      '<div id="root"><p>Kept</p><script>var a = 1;</script><style>p{}</style><noscript>No JS</noscript>' +
        '<template><p>T</p></template><svg><text>chart</text></svg><math><mi>x</mi></math>' +
        '<iframe>frame</iframe><button>Share</button><textarea>draft</textarea>' +
        '<select><option>Option</option></select><p>Also kept</p></div>',
    );
    expect(x.text).toBe('Kept\n\nAlso kept');
  });

  test('hidden elements are skipped: hidden attribute, aria-hidden and inline display:none', () => {
    const x = extract(
      '<div id="root"><p>Shown</p><p hidden>A</p><p aria-hidden="true">B</p>' +
        '<p style="color: red; display: none">C</p><p style="visibility:hidden">D</p></div>',
    );
    expect(x.text).toBe('Shown');
  });

  test('a wrapper hidden from assistive technology while a dialog is open is still read', () => {
    const x = extract(
      `<div id="root"><div aria-hidden="true"><p>${P}</p><p>${P}</p></div><div role="dialog">Accept cookies</div></div>`,
    );
    expect(x.text).toBe(`${P}\n\n${P}`);
  });

  test('text for screen readers only is skipped', () => {
    const x = extract(
      '<div id="root"><p>Story<span class="visually-hidden"> Continue reading the main story</span></p>' +
        '<p class="u-sr-only">Advertisement</p><a class="screen-reader-text" href="#">Skip to content</a></div>',
    );
    expect(x.text).toBe('Story');
  });

  test('ruby annotations are left out of the base text', () => {
    const x = extract('<div id="root"><p><ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>に行く</p></div>');
    expect(x.text).toBe('東京に行く');
  });

  test('contenteditable regions are skipped', () => {
    const x = extract('<div id="root"><p>Story</p><div contenteditable="true">My draft reply</div></div>');
    expect(x.text).toBe('Story');
  });

  test('navigation, asides, footers, share bars, related lists and comments inside the root are dropped', () => {
    const x = extract(
      `<div id="root"><nav><a href="/">Home</a></nav><p>${P}</p>` +
        '<div class="share-bar"><span>Share this story</span></div>' +
        `<aside><p>${P.replace('mayor', 'deputy')}</p></aside>` +
        '<ul class="related-stories"><li><a href="/1">Poland declares disaster zone</a></li></ul>' +
        '<div class="comments"><p>Great article, thanks for writing it, I learned a lot today.</p></div>' +
        `<p>${P}</p><footer>Published Monday</footer></div>`,
    );
    expect(x.text).toBe(`${P}\n\n${P}`);
  });

  test('figure captions are kept', () => {
    const x = extract(
      `<div id="root"><p>${P}</p><figure><img src="a.jpg"><figcaption>Volunteers in Győr.</figcaption></figure></div>`,
    );
    expect(x.text).toBe(`${P}\n\nVolunteers in Győr.`);
  });

  test('a block that is nothing but a link ("Read more: …") is dropped', () => {
    const x = extract(
      `<div id="root"><p>${P}</p><p><a href="/r">Read more: Vienna closes metro stations</a></p></div>`,
    );
    expect(x.text).toBe(P);
  });

  test('a boilerplate-named block that holds most of the root text is kept', () => {
    // Some themes put the whole post in a wrapper named after the layout ("has-sidebar").
    const x = extract(`<div id="root"><div class="sidebar-layout"><p>${P}</p><p>${P}</p></div><p>Short.</p></div>`);
    expect(x.text).toBe(`${P}\n\n${P}\n\nShort.`);
  });

  test('text is kept verbatim: soft hyphens, no-break spaces and inner newlines', () => {
    const x = extract('<div id="root"><p>Bundes\u00adkanzler Olaf\u00a0Scholz\n   said</p></div>');
    expect(x.text).toBe('Bundes\u00adkanzler Olaf\u00a0Scholz\n   said');
    expect(x.segments).toHaveLength(1);
  });

  test('whitespace at the edges of a line is left out by narrowing the slice', () => {
    const x = extract('<div id="root">\n  <p>\n    Kyiv and Lviv   \n  </p>\n</div>');
    expect(x.text).toBe('Kyiv and Lviv');
    expect(x.segments[0].nodeOffset).toBe(5);
    expectExactMap(x);
  });

  test('a whitespace-only node between two inline elements is kept as the space between words', () => {
    const x = extract('<div id="root"><p><a href="#">Emmanuel</a> <a href="#">Macron</a> spoke</p></div>');
    expect(x.text).toBe('Emmanuel Macron spoke');
  });

  test('entities and characters outside the BMP come out decoded and intact', () => {
    const x = extract(
      '<div id="root"><p>AT&amp;T &lt;b&gt; caf&eacute; &#x1F62D; &#128557; &#xFFFFFFFF; &#0; \u200b</p></div>',
    );
    expect(x.text).toBe('AT&T <b> café 😭 😭 \ufffd \ufffd \u200b');
    expectExactMap(x);
  });

  test('an empty root gives empty text and no segments', () => {
    expect(extract('<div id="root"></div>')).toEqual({ text: '', segments: [] });
    expect(extract('<div id="root">  \n  <p> </p></div>')).toEqual({ text: '', segments: [] });
  });

  test('a <script> inside the story text is skipped without joining the words around it', () => {
    const x = extract('<div id="root"><p>Before the vote<script>document.write("x")</script> in Strasbourg</p></div>');
    expect(x.text).toBe('Before the vote in Strasbourg');
  });

  test('a text node removed after detection is simply absent, and the map stays exact', () => {
    const doc = parse(`<div id="root"><p>${P}</p><p id="gone">Removed paragraph</p><p>${P}</p></div>`);
    const root = doc.getElementById('root') as Element;
    (doc.getElementById('gone') as Element).firstChild?.remove();
    const x = extractText(root);
    expect(x.text).toBe(`${P}\n\n${P}`);
    expectExactMap(x);
  });

  test('a root detached from its document still extracts', () => {
    const doc = parse(`<div id="root"><p>${P}</p></div>`);
    const root = doc.getElementById('root') as Element;
    root.remove();
    expect(extractText(root).text).toBe(P);
  });

  test('deeply nested markup does not overflow the stack', () => {
    const doc = parse('<div id="root"></div>');
    let el = doc.getElementById('root') as Element;
    for (let i = 0; i < 5000; i++) {
      const child = doc.createElement(i % 2 ? 'span' : 'div');
      el.appendChild(child);
      el = child;
    }
    el.appendChild(doc.createTextNode('deep text'));
    const x = extractText(doc.getElementById('root') as Element);
    expect(x.text).toBe('deep text');
  });

  test('the document is not modified', () => {
    const doc = parse(`<div id="root"><p>${P}</p><div class="share">Share</div><p hidden>x</p></div>`);
    const before = doc.documentElement.outerHTML;
    extractText(doc.getElementById('root') as Element);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractText in slices (as the content script runs it)', () => {
  /** A clock that moves 10 ms per reading, so every step of the walk is a slice of its own. */
  const everyStepASlice = (onPause: () => void = () => {}) => {
    let t = 0;
    return { now: () => (t += 10), budgetMs: 8, pause: async () => onPause() };
  };

  test('gives exactly what the straight run gives, pausing along the way', async () => {
    const body = `<div id="root">${`<h2>Part</h2><p>${P}</p><ul><li>Kyiv</li><li>Lviv</li></ul>`.repeat(300)}</div>`;
    const root = parse(body).getElementById('root') as Element;
    let pauses = 0;
    const sliced = await runStepsInSlices(
      extractTextSteps(root),
      everyStepASlice(() => pauses++),
    );
    const straight = extractText(root);
    expect(pauses).toBeGreaterThan(3);
    expect(sliced.text).toBe(straight.text);
    expect(sliced.segments.map((s) => [s.start, s.end, s.nodeOffset])).toEqual(
      straight.segments.map((s) => [s.start, s.end, s.nodeOffset]),
    );
  });

  test('a page that removes and adds blocks between slices is read without an error, and its map stays exact', async () => {
    const body = `<div id="root">${`<section><p>${P}</p><p>${P}</p></section>`.repeat(400)}</div>`;
    const doc = parse(body);
    const root = doc.getElementById('root') as Element;
    const sections = [...root.querySelectorAll('section')];
    let pauses = 0;
    const x = await runStepsInSlices(
      extractTextSteps(root),
      everyStepASlice(() => {
        // The page's own script runs between our slices: it drops a block ahead of us and one behind.
        pauses++;
        sections[Math.min(sections.length - 1, pauses * 40)]?.remove();
        sections[pauses]?.remove();
        root.append(doc.createElement('p'));
      }),
    );
    expect(pauses).toBeGreaterThan(3);
    expectExactMap(x);
    expect(x.text.length).toBeGreaterThan(0);
  });
});

describe('toPlainText', () => {
  test('collapses whitespace inside lines, removes soft hyphens and keeps separators', () => {
    const x = extract('<div id="root"><p>Bundes\u00adkanzler\n   Scholz</p><p>A<br>B</p></div>');
    expect(toPlainText(x)).toBe('Bundeskanzler Scholz\n\nA\nB');
  });

  test('gives an empty string for empty output', () => {
    expect(toPlainText({ text: '', segments: [] })).toBe('');
  });
});
