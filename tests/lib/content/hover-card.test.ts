// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { type HoverCardDeps, installHoverCard } from '../../../lib/content/hover-card';
import { extractText } from '../../../lib/extract/extract-text';
import { highlightMentions, UI_TAG } from '../../../lib/highlight/highlight';
import type { EntityCard, Result } from '../../../lib/messages';
import type { Mention } from '../../../lib/recognize/types';

import { type ManualTimers, manualTimers } from '../../helpers/manual-timers';

let controller = new AbortController();
let clock: ManualTimers = manualTimers();
const sleep = (ms: number) => clock.advance(ms);
afterEach(() => controller.abort());

const CARDS: Record<string, EntityCard> = {
  'gn:170654': {
    name: 'Damascus',
    kind: 'place',
    subtype: 'city',
    country: 'SY',
    description: 'Capital of Syria <img src=x onerror="window.__pwned=1">',
    source: 'GeoNames cities500',
    asOf: '2025-01-01',
  },
  Q1065: { name: 'United Nations', kind: 'organization', subtype: 'intergovernmental-organization' },
};

function setup(html: string, overrides: Partial<HoverCardDeps> = {}) {
  controller = new AbortController();
  clock = manualTimers();
  document.body.innerHTML = `<article>${html}</article>`;
  const opened: (string | undefined)[] = [];
  const card = installHoverCard({
    doc: document,
    signal: controller.signal,
    getCard: async (id): Promise<Result<EntityCard>> =>
      CARDS[id] ? { ok: true, value: CARDS[id] } : { ok: false, error: 'unknown' },
    openPanel: async (id) => {
      opened.push(id);
      return { ok: true, value: null };
    },
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    showDelayMs: 10,
    hideDelayMs: 10,
    // happy-dom's events are all untrusted: the tests stand for the reader, except where they mark one as the page's.
    isTrusted: (e) => !(e as Event & { fromPage?: boolean }).fromPage,
    ...overrides,
  });
  const root = document.querySelector('article') as Element;
  const extracted = extractText(root);
  const mentions: Mention[] = [];
  for (const [surface, entityId, kind] of [
    ['Damascus', 'gn:170654', 'place'],
    ['United Nations', 'Q1065', 'organization'],
    ['Hemo', undefined, 'place'],
  ] as const) {
    for (const m of extracted.text.matchAll(new RegExp(surface, 'g'))) {
      mentions.push({
        start: m.index,
        end: m.index + surface.length,
        kind,
        entityId,
        name: surface,
        confidence: 1,
        surface,
      });
    }
  }
  highlightMentions(extracted, mentions, { decorate: card.decorate });
  return { card, opened };
}

const view = () => (document.querySelector(UI_TAG) as HTMLElement | null)?.shadowRoot;
/** The card element; fails the test when there is none. */
function cardOf(): HTMLElement {
  const card = view()?.querySelector('.card');
  if (!card) throw new Error('no card');
  return card as HTMLElement;
}

describe('marks as tab stops', () => {
  test('the first mark of each linked entity is a labelled button; later marks, unlinked names and marks in links are not', () => {
    setup(
      '<p>Damascus and the United Nations met near Hemo; Damascus said so.</p>' +
        '<p>Read the <a href="/x">report from the United Nations</a> today, officials said on Monday.</p>',
    );
    const stops = [...document.querySelectorAll('bs-mention[tabindex="0"]')].map((m) => [
      m.textContent,
      m.getAttribute('role'),
      m.getAttribute('aria-label'),
    ]);
    expect(stops).toEqual([
      ['Damascus', 'button', 'Damascus, place'],
      ['United Nations', 'button', 'United Nations, organization'],
    ]);
    // The link's mark would be United Nations' first mark after a page change; it still gets no role.
    expect(document.querySelector('a bs-mention')?.hasAttribute('role')).toBe(false);
  });
});

test('an entity first named inside a link gets its tab stop at its next mark outside links', () => {
  setup(
    '<p>Read the <a href="/x">report from Damascus</a> today, officials said on Monday.</p>' +
      '<p>Officials in Damascus said the talks would resume.</p>',
  );
  expect(document.querySelector('a bs-mention')?.hasAttribute('tabindex')).toBe(false);
  expect(document.querySelector('a bs-mention')?.hasAttribute('role')).toBe(false);
  const stops = document.querySelectorAll('bs-mention[tabindex="0"]');
  expect(stops).toHaveLength(1);
  expect(stops[0].closest('a')).toBeNull();
});

describe('the card', () => {
  test('opens on focus with the entry’s name, kind, country and description, all as plain text', async () => {
    setup('<p>Officials in Damascus said so.</p>');
    const mark = document.querySelector('bs-mention') as HTMLElement;
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await sleep(5);
    const card = cardOf();
    expect(card.hidden).toBe(false);
    expect(card.querySelector('.name')?.textContent).toBe('Damascus');
    expect(card.querySelector('.meta')?.textContent).toBe('Place · city · Syria');
    expect(card.querySelector('.description')?.textContent).toBe(CARDS['gn:170654'].description);
    expect(card.querySelector('.source')?.textContent).toBe('GeoNames cities500 · as of 2025-01-01');
    // Knowledge-base text never becomes markup.
    expect(view()?.querySelector('img')).toBeNull();
    expect(card.getAttribute('aria-label')).toBe('Damascus');
  });

  test('Escape closes it', async () => {
    setup('<p>Officials in Damascus said so.</p>');
    const mark = document.querySelector('bs-mention') as HTMLElement;
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await sleep(5);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cardOf().hidden).toBe(true);
  });

  test('opens after hovering for a moment and closes when the pointer leaves', async () => {
    setup('<p>The United Nations said so.</p>');
    const mark = document.querySelector('bs-mention') as HTMLElement;
    mark.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(view()).toBeFalsy();
    await sleep(30);
    expect(view()?.querySelector('.name')?.textContent).toBe('United Nations');
    expect(view()?.querySelector('.meta')?.textContent).toBe('Organization · intergovernmental organization');
    mark.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    await sleep(30);
    expect(cardOf().hidden).toBe(true);
  });

  test('an unlinked name gets a card that says it is not in the knowledge base', async () => {
    setup('<p>The Hemo base was evacuated.</p>');
    (document.querySelector('bs-mention') as HTMLElement).dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await sleep(30);
    expect(view()?.querySelector('.meta')?.textContent).toBe('Place · not in Backstory’s knowledge base');
  });

  test('Enter on a focused mark and the card’s button open the side panel for that entry', async () => {
    const { opened } = setup('<p>Officials in Damascus said so.</p>');
    const mark = document.querySelector('bs-mention') as HTMLElement;
    mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await sleep(5);
    (cardOf().querySelector('button') as HTMLButtonElement).click();
    expect(opened).toEqual(['gn:170654', 'gn:170654']);
  });

  test("a key event the page's script dispatches does not open the side panel", async () => {
    const { opened } = setup('<p>Officials in Damascus said so.</p>');
    const mark = document.querySelector('bs-mention') as HTMLElement;
    const forged = Object.assign(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }), { fromPage: true });
    mark.dispatchEvent(forged);
    expect(opened).toEqual([]);
  });

  test('leaves the page when the content script’s context ends', async () => {
    setup('<p>Officials in Damascus said so.</p>');
    (document.querySelector('bs-mention') as HTMLElement).dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await sleep(5);
    expect(document.querySelector(UI_TAG)).not.toBeNull();
    controller.abort();
    expect(document.querySelector(UI_TAG)).toBeNull();
  });
});
