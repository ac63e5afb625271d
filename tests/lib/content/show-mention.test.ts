// @vitest-environment happy-dom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { snapshotPage } from '../../../lib/content/page-snapshot';
import { createMentionShower, marksOf } from '../../../lib/content/show-mention';
import { FLASH_ATTRIBUTE } from '../../../lib/highlight/highlight';

const timers = {
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (id: number) => window.clearTimeout(id),
};

beforeEach(() => {
  document.body.innerHTML = `<article>
    <p><bs-mention data-bs-kind="place" data-bs-linked="true" data-bs-entity="Q1" tabindex="0">Erbil</bs-mention> and
    <bs-mention data-bs-kind="organization" data-bs-linked="false">Northern  Brigade</bs-mention>,
    <bs-mention data-bs-kind="place" data-bs-linked="true" data-bs-entity="Q2">Mosul</bs-mention>,
    <bs-mention data-bs-kind="place" data-bs-linked="true" data-bs-entity="Q1">Irbil</bs-mention>.</p></article>`;
  Element.prototype.scrollIntoView = vi.fn();
});

describe('showMention', () => {
  test('finds marks by entity id, and unknown names by kind and text', () => {
    expect(marksOf(document, { entityId: 'Q1' }).map((m) => m.textContent)).toEqual(['Erbil', 'Irbil']);
    expect(marksOf(document, { kind: 'organization', name: 'northern brigade' })).toHaveLength(1);
    expect(marksOf(document, { kind: 'place', name: 'Northern Brigade' })).toHaveLength(0);
    expect(marksOf(document, {})).toEqual([]);
  });

  test('steps through the marks, wrapping around, and flashes one at a time', () => {
    const shower = createMentionShower(document, timers);
    expect(shower.show({ entityId: 'Q1' })).toEqual({ ok: true, value: { index: 0, total: 2 } });
    expect(shower.show({ entityId: 'Q1' })).toEqual({ ok: true, value: { index: 1, total: 2 } });
    expect(shower.show({ entityId: 'Q1' })).toEqual({ ok: true, value: { index: 0, total: 2 } });
    expect(shower.show({ entityId: 'Q1', direction: 'previous' })).toEqual({ ok: true, value: { index: 1, total: 2 } });
    expect(document.querySelectorAll(`[${FLASH_ATTRIBUTE}]`)).toHaveLength(1);
    expect(document.querySelector(`[${FLASH_ATTRIBUTE}]`)?.textContent).toBe('Irbil');
    expect(Element.prototype.scrollIntoView).toHaveBeenCalledTimes(4);
  });

  test('a mention split across elements counts once, and an index shows that very mention', () => {
    document.body.innerHTML = `<p><bs-mention data-bs-kind="place" data-bs-linked="true" data-bs-entity="Q9">Abu</bs-mention><b><bs-mention data-bs-kind="place" data-bs-linked="true" data-bs-entity="Q9" data-bs-continues="">Dhabi</bs-mention></b>
      then <bs-mention data-bs-kind="place" data-bs-linked="true" data-bs-entity="Q9">Abu Dhabi</bs-mention>
      and <bs-mention data-bs-kind="place" data-bs-linked="true" data-bs-entity="Q9">AD</bs-mention></p>`;
    expect(marksOf(document, { entityId: 'Q9' }).map((m) => m.textContent)).toEqual(['Abu', 'Abu Dhabi', 'AD']);
    const shower = createMentionShower(document, timers);
    expect(shower.show({ entityId: 'Q9', index: 1 })).toEqual({ ok: true, value: { index: 1, total: 3 } });
    expect(document.querySelector(`[${FLASH_ATTRIBUTE}]`)?.textContent).toBe('Abu Dhabi');
    // Stepping goes on from the mention shown; an index past the end shows the last.
    expect(shower.show({ entityId: 'Q9' })).toEqual({ ok: true, value: { index: 2, total: 3 } });
    expect(shower.show({ entityId: 'Q9', index: 7 })).toEqual({ ok: true, value: { index: 2, total: 3 } });
  });

  test('an entity with no mark on the page is an error value, and ids are not selectors', () => {
    const shower = createMentionShower(document, timers);
    expect(shower.show({ entityId: 'Q404' }).ok).toBe(false);
    expect(shower.show({ entityId: '"] , * , ["' }).ok).toBe(false);
  });

  test('the flash goes away by itself', async () => {
    vi.useFakeTimers();
    try {
      const shower = createMentionShower(document, {
        setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
        clearTimeout: (id) => clearTimeout(id),
      });
      shower.show({ entityId: 'Q2' });
      expect(document.querySelectorAll(`[${FLASH_ATTRIBUTE}]`)).toHaveLength(1);
      vi.advanceTimersByTime(2000);
      expect(document.querySelectorAll(`[${FLASH_ATTRIBUTE}]`)).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('snapshotPage', () => {
  test('serializes the page with its canonical link and language', () => {
    document.documentElement.lang = 'en';
    document.head.innerHTML = '<title>T</title><link rel="canonical" href="https://example.com/a">';
    const snap = snapshotPage(document, 'https://example.com/a?utm_source=x');
    expect(snap).toMatchObject({
      url: 'https://example.com/a?utm_source=x',
      canonical: 'https://example.com/a',
      lang: 'en',
    });
    expect(snap.html).toContain('<article>');
  });
});
