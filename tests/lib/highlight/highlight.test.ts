// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { extractText } from '../../../lib/extract/extract-text';
import {
  highlightMentions,
  highlightMentionsInChunks,
  MENTION_TAG,
  removeHighlights,
} from '../../../lib/highlight/highlight';
import type { Mention } from '../../../lib/recognize/types';

function page(html: string): HTMLElement {
  document.body.innerHTML = `<article>${html}</article>`;
  return document.querySelector('article') as HTMLElement;
}

function mentionOf(text: string, surface: string, kind: Mention['kind'] = 'place', from = 0): Mention {
  const start = text.indexOf(surface, from);
  return { start, end: start + surface.length, kind, confidence: 1, surface, entityId: `id:${surface}` };
}

describe('highlightMentions', () => {
  test('wraps each mention and leaves the text as it was', () => {
    const root = page('<p>Strikes hit <a href="/x">Deir ez-Zor</a> and Irbil on Monday.</p>');
    const before = document.body.textContent;
    const extracted = extractText(root);
    const made = highlightMentions(extracted, [
      mentionOf(extracted.text, 'Deir ez-Zor'),
      mentionOf(extracted.text, 'Irbil'),
    ]);
    expect(made.map((m) => m.textContent)).toEqual(['Deir ez-Zor', 'Irbil']);
    expect(document.body.textContent).toBe(before);
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/x');
  });

  test('splits a mention that spans inline elements into one wrapper per text node', () => {
    const root = page('<p>The <b>Islamic</b> State claimed it.</p>');
    const extracted = extractText(root);
    const made = highlightMentions(extracted, [mentionOf(extracted.text, 'Islamic State', 'organization')]);
    expect(made.map((m) => m.textContent)).toEqual(['Islamic', ' State']);
    // The second wrapper continues the first: the panel counts one mention, not two.
    expect(made.map((m) => m.hasAttribute('data-bs-continues'))).toEqual([false, true]);
    expect(made.every((m) => m.getAttribute('data-bs-kind') === 'organization')).toBe(true);
  });

  test('marks unlinked names as such', () => {
    const root = page('<p>The Hemo base was evacuated.</p>');
    const extracted = extractText(root);
    const [made] = highlightMentions(extracted, [{ ...mentionOf(extracted.text, 'Hemo'), entityId: undefined }]);
    expect(made.getAttribute('data-bs-linked')).toBe('false');
    expect(made.hasAttribute('data-bs-entity')).toBe(false);
  });

  test('skips a mention whose text node changed after extraction', () => {
    const root = page('<p>Syria and Iraq.</p>');
    const extracted = extractText(root);
    ((root.querySelector('p') as HTMLElement).firstChild as Text).data = 'Something else entirely.';
    expect(highlightMentions(extracted, [mentionOf(extracted.text, 'Iraq')])).toEqual([]);
  });

  test('removal restores the original text nodes exactly', () => {
    const root = page('<p>From Kyiv to Lviv and back to Kyiv.</p>');
    const html = root.innerHTML;
    const extracted = extractText(root);
    const text = extracted.text;
    const made = highlightMentions(extracted, [
      mentionOf(text, 'Kyiv'),
      mentionOf(text, 'Lviv'),
      mentionOf(text, 'Kyiv', 'place', 20),
    ]);
    expect(root.querySelectorAll(MENTION_TAG)).toHaveLength(3);
    removeHighlights(made);
    expect(root.innerHTML).toBe(html);
    expect((root.querySelector('p') as HTMLElement).childNodes).toHaveLength(1);
  });
});

describe('where marks never go', () => {
  // The extractor already leaves most of these out; highlighting checks again, for text that reaches it another
  // way (an added block inside an editor, inline <code>).
  const cases: [string, string][] = [
    ['inline code', '<p>Call <code>Damascus</code> and Damascus.</p>'],
    ['a pre block', '<pre>Damascus</pre><p>And Damascus.</p>'],
    ['a text area', '<textarea>Damascus</textarea><p>And Damascus.</p>'],
    ['an editable region', '<div contenteditable="true"><p>Damascus</p></div><p>And Damascus.</p>'],
    [
      'an editable region set to plaintext-only',
      '<div contenteditable="plaintext-only">Damascus</div><p>And Damascus.</p>',
    ],
    ['SVG text', '<svg><text>Damascus</text></svg><p>And Damascus.</p>'],
    ['a button', '<p><button>Damascus</button> And Damascus.</p>'],
    ['a script', '<p>And Damascus.</p><script>var x = "Damascus";</script>'],
    ['our own UI', '<bs-ui>Damascus</bs-ui><p>And Damascus.</p>'],
  ];
  for (const [label, html] of cases) {
    test(`no mark inside ${label}, even when a mention points there`, () => {
      const root = page(html);
      const text = root.textContent ?? '';
      // Mentions made straight from every text node, as if extraction had kept them all.
      const segments = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let pos = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        segments.push({ node: n, nodeOffset: 0, start: pos, end: pos + n.data.length });
        pos += n.data.length;
      }
      const mentions = [...text.matchAll(/Damascus/g)].map((m) => ({
        start: m.index,
        end: m.index + 8,
        kind: 'place' as const,
        confidence: 1,
        surface: 'Damascus',
        entityId: 'gn:170654',
      }));
      const made = highlightMentions({ text, segments }, mentions);
      expect(made).toHaveLength(1);
      expect(made[0].closest('p')).not.toBeNull();
      expect(root.textContent).toBe(text);
    });
  }

  test('extraction and highlighting together leave inputs, editors and code unmarked', () => {
    const root = page(
      '<p>Officials in Damascus met.</p><p><input value="Damascus"> <code>Damascus</code></p>' +
        '<div contenteditable><p>Damascus</p></div><pre>Damascus</pre>',
    );
    const extracted = extractText(root);
    const mentions = [...extracted.text.matchAll(/Damascus/g)].map((m) => ({
      start: m.index,
      end: m.index + 8,
      kind: 'place' as const,
      confidence: 1,
      surface: 'Damascus',
    }));
    const made = highlightMentions(extracted, mentions);
    expect(made.map((w) => w.parentElement?.localName)).toEqual(['p']);
  });

  test('a mark is never wrapped again', () => {
    const root = page('<p>From Kyiv to Lviv.</p>');
    const extracted = extractText(root);
    const mentions = [mentionOf(extracted.text, 'Kyiv')];
    highlightMentions(extracted, mentions);
    const again = extractText(root);
    expect(highlightMentions(again, [mentionOf(again.text, 'Kyiv')])).toEqual([]);
    expect(root.querySelectorAll(`${MENTION_TAG} ${MENTION_TAG}`)).toHaveLength(0);
  });
});

describe('removing marks restores the page exactly', () => {
  test('the page keeps its own Text nodes, and adjacent text nodes it made stay separate', () => {
    const root = page('<p>x</p>');
    const p = root.querySelector('p') as HTMLElement;
    p.textContent = '';
    const first = document.createTextNode('From Kyiv to Lviv ');
    const second = document.createTextNode('and back to Kyiv.');
    p.append(first, second);
    const extracted = extractText(root);
    const made = highlightMentions(extracted, [
      mentionOf(extracted.text, 'Kyiv'),
      mentionOf(extracted.text, 'Lviv'),
      mentionOf(extracted.text, 'Kyiv', 'place', 10),
    ]);
    expect(made).toHaveLength(3);
    removeHighlights(made);
    expect([...p.childNodes]).toEqual([first, second]);
    expect(first.data).toBe('From Kyiv to Lviv ');
    expect(second.data).toBe('and back to Kyiv.');
  });

  test('marks removed in any order give the same nodes back', () => {
    const root = page('<p>A Kyiv B Lviv C Odesa D</p>');
    const node = (root.querySelector('p') as HTMLElement).firstChild as Text;
    const extracted = extractText(root);
    const made = highlightMentions(
      extracted,
      ['Kyiv', 'Lviv', 'Odesa'].map((s) => mentionOf(extracted.text, s)),
    );
    removeHighlights([made[1], made[2], made[0]]);
    expect([...(root.querySelector('p') as HTMLElement).childNodes]).toEqual([node]);
    expect(node.data).toBe('A Kyiv B Lviv C Odesa D');
  });

  test('marks can be made again after removal from the same extraction', () => {
    const root = page('<p>From Kyiv to Lviv.</p>');
    const extracted = extractText(root);
    const mentions = [mentionOf(extracted.text, 'Kyiv'), mentionOf(extracted.text, 'Lviv')];
    removeHighlights(highlightMentions(extracted, mentions));
    expect(highlightMentions(extracted, mentions).map((m) => m.textContent)).toEqual(['Kyiv', 'Lviv']);
  });
});

describe('highlightMentionsInChunks', () => {
  function manyNames(n: number) {
    const root = page(Array.from({ length: n }, (_, i) => `<p>Talks in Kyiv, number ${i}.</p>`).join(''));
    const extracted = extractText(root);
    const mentions = [...extracted.text.matchAll(/Kyiv/g)].map((m) => ({
      start: m.index,
      end: m.index + 4,
      kind: 'place' as const,
      confidence: 1,
      surface: 'Kyiv',
      entityId: 'kyiv',
    }));
    return { root, extracted, mentions };
  }

  test('pauses between chunks of about the time budget, and marks everything in the end', async () => {
    const { root, extracted, mentions } = manyNames(100);
    let clock = 0;
    let pauses = 0;
    const made = await highlightMentionsInChunks(extracted, mentions, {
      // The clock is read after each text node's marks and moves 1 ms per read: 16 ms make chunks of 16 nodes.
      now: () => clock++,
      budgetMs: 16,
      pause: async () => {
        pauses++;
      },
    });
    expect(made).toHaveLength(100);
    expect(root.querySelectorAll(MENTION_TAG)).toHaveLength(100);
    expect(pauses).toBe(6);
  });

  test('marks the top of the text first', async () => {
    const { root, extracted, mentions } = manyNames(30);
    const chunks: number[][] = [];
    const paragraphs = [...root.querySelectorAll('p')];
    let clock = 0;
    await highlightMentionsInChunks(extracted, mentions, {
      now: () => clock++,
      budgetMs: 16,
      pause: async () => {},
      onChunk: (made) => chunks.push(made.map((w) => paragraphs.indexOf(w.closest('p') as HTMLParagraphElement))),
    });
    expect(chunks[0]).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(chunks).toHaveLength(2);
  });

  test('on a page scrolled down, marks what the reader sees first, then what is above it', async () => {
    const { root, extracted, mentions } = manyNames(30);
    const paragraphs = [...root.querySelectorAll('p')];
    const chunks: number[][] = [];
    let clock = 0;
    const made = await highlightMentionsInChunks(extracted, mentions, {
      now: () => clock++,
      budgetMs: 10,
      pause: async () => {},
      // The first 12 paragraphs are above the view.
      isAboveView: (node) => paragraphs.indexOf(node.parentElement as HTMLParagraphElement) < 12,
      onChunk: (all) => chunks.push(all.map((w) => paragraphs.indexOf(w.closest('p') as HTMLParagraphElement))),
    });
    expect(chunks[0]).toEqual(Array.from({ length: 10 }, (_, i) => 12 + i));
    expect(made).toHaveLength(30);
    expect(chunks.at(-1)?.slice(-12)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  test('stops at the next chunk when asked, keeping what it made in `made`', async () => {
    const { extracted, mentions } = manyNames(50);
    const made: Element[] = [];
    let stop = false;
    let clock = 0;
    await highlightMentionsInChunks(extracted, mentions, {
      now: () => clock++,
      budgetMs: 16,
      made,
      stopped: () => stop,
      pause: async () => {
        stop = true;
      },
    });
    expect(made).toHaveLength(16);
  });
});
