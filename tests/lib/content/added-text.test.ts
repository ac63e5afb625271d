// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { addedRoots, joinExtracted, mayHoldText, onlyNewText } from '../../../lib/content/added-text';
import { extractText } from '../../../lib/extract/extract-text';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('mayHoldText', () => {
  test('keeps elements that can hold text and leaves out media, scripts, our marks and text nodes', () => {
    expect(mayHoldText(document.createElement('p'))).toBe(true);
    expect(mayHoldText(document.createElement('section'))).toBe(true);
    for (const tag of ['script', 'img', 'iframe', 'bs-mention', 'bs-ui', 'br']) {
      expect(mayHoldText(document.createElement(tag))).toBe(false);
    }
    expect(mayHoldText(document.createTextNode('Damascus'))).toBe(false);
  });
});

describe('addedRoots', () => {
  test('keeps the outermost added elements in document order, and only connected ones', () => {
    const b = body('<article><div id="a"><p id="a1">x</p></div><p id="b">y</p></article>');
    const detached = document.createElement('p');
    const roots = addedRoots(
      [b.querySelector('#b'), b.querySelector('#a1'), b.querySelector('#a'), detached] as Element[],
      b,
    );
    expect(roots.map((e) => e.id)).toEqual(['a', 'b']);
  });

  test('leaves out blocks added inside chrome, comment threads, editors and our marks', () => {
    const b = body(
      '<article><p id="story">s</p></article><aside><p id="side">x</p></aside>' +
        '<div class="comments"><p id="comment">c</p></div><div class="ad-slot"><p id="ad">a</p></div>' +
        '<div contenteditable="true"><p id="edit">e</p></div><bs-mention><span id="ours">o</span></bs-mention>',
    );
    const ids = ['story', 'side', 'comment', 'ad', 'edit', 'ours'];
    const roots = addedRoots(
      ids.map((id) => b.querySelector(`#${id}`) as Element),
      b,
    );
    expect(roots.map((e) => e.id)).toEqual(['story']);
  });
});

describe('onlyNewText', () => {
  test('keeps the new text nodes, with paragraph breaks where old text was left out', () => {
    const b = body('<div><p>Old one.</p><p>New in Kyiv.</p><p>Old two.</p><p>New in Lviv.</p></div>');
    const extracted = extractText(b.firstElementChild as Element);
    const old = new Set([...b.querySelectorAll('p')].filter((p) => p.textContent?.startsWith('Old')));
    const fresh = onlyNewText(extracted, (node) => old.has(node.parentElement as HTMLParagraphElement));
    expect(fresh.text).toBe('New in Kyiv.\n\nNew in Lviv.');
    for (const seg of fresh.segments) {
      expect(fresh.text.slice(seg.start, seg.end)).toBe(
        seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + seg.end - seg.start),
      );
    }
  });

  test('keeps the original separator between adjacent new segments', () => {
    const b = body('<ul><li>Kyiv</li><li>Lviv</li></ul>');
    const extracted = extractText(b.firstElementChild as Element);
    expect(onlyNewText(extracted, () => false).text).toBe(extracted.text);
  });
});

describe('joinExtracted', () => {
  test('joins parts with paragraph breaks and moves their offsets', () => {
    const b = body('<p id="a">Talks in Kyiv.</p><p id="b">Talks in Lviv.</p>');
    const a = extractText(b.querySelector('#a') as Element);
    const c = extractText(b.querySelector('#b') as Element);
    const joined = joinExtracted([a, { text: '', segments: [] }, c]);
    expect(joined.text).toBe('Talks in Kyiv.\n\nTalks in Lviv.');
    const last = joined.segments[joined.segments.length - 1];
    expect(joined.text.slice(last.start, last.end)).toBe('Talks in Lviv.');
  });
});
