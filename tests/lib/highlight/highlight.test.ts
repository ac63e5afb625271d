// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { extractText } from '../../../lib/extract/extract-text';
import { highlightMentions, MENTION_TAG, removeHighlights } from '../../../lib/highlight/highlight';
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
