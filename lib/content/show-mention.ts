/** @module lib/content/show-mention — bring one of an entity's marks into view and flash it, for the side panel. */

import {
  CONTINUES_ATTRIBUTE,
  ENTITY_ATTRIBUTE,
  FLASH_ATTRIBUTE,
  KIND_ATTRIBUTE,
  LINKED_ATTRIBUTE,
  MENTION_TAG,
} from '../highlight/highlight';
import type { MentionTarget, Result } from '../messages';

const FLASH_MS = 1600;

export interface MentionShower {
  show(target: MentionTarget): Result<{ index: number; total: number }>;
}

/**
 * The marks of a target in document order, one per mention (the first wrapper of a mention split across
 * elements): a linked entry by id, an unknown name by kind and text.
 */
export function marksOf(doc: Document, target: MentionTarget): Element[] {
  // Compared as attribute values, not put into a selector: an id is data, whatever characters it holds.
  if (target.entityId) {
    return [...doc.querySelectorAll(`${MENTION_TAG}[${ENTITY_ATTRIBUTE}]:not([${CONTINUES_ATTRIBUTE}])`)].filter(
      (mark) => mark.getAttribute(ENTITY_ATTRIBUTE) === target.entityId,
    );
  }
  if (!target.name) return [];
  const wanted = normalized(target.name);
  return [...doc.querySelectorAll(`${MENTION_TAG}[${LINKED_ATTRIBUTE}="false"]:not([${CONTINUES_ATTRIBUTE}])`)].filter(
    (mark) =>
      (!target.kind || mark.getAttribute(KIND_ATTRIBUTE) === target.kind) &&
      normalized(mark.textContent ?? '') === wanted,
  );
}

/** Case and spacing do not matter when matching an unknown name's marks ("Al  Nusra" is "al Nusra"). */
function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Steps through a target's marks, one per call, wrapping around; each shown mark is scrolled to the middle
 * of the view (instantly when the reader prefers reduced motion), flashed, and focused without a second scroll.
 */
export function createMentionShower(
  doc: Document,
  timers: { setTimeout(fn: () => void, ms: number): number; clearTimeout(id: number): void },
): MentionShower {
  const lastIndex = new Map<string, number>();
  let flashed: { mark: Element; timer: number } | undefined;

  return {
    show(target) {
      const marks = marksOf(doc, target);
      if (marks.length === 0) return { ok: false, error: 'no mention of it on this page' };
      const key = target.entityId ?? `${target.kind ?? ''}:${normalized(target.name ?? '')}`;
      const previous = lastIndex.get(key);
      const step = target.direction === 'previous' ? -1 : 1;
      const asked = target.index;
      const index =
        asked !== undefined && Number.isInteger(asked) && asked >= 0
          ? Math.min(asked, marks.length - 1)
          : previous === undefined
            ? step === 1
              ? 0
              : marks.length - 1
            : (previous + step + marks.length) % marks.length;
      lastIndex.set(key, index);

      const mark = marks[index];
      const reduceMotion = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      mark.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
      if (flashed) {
        timers.clearTimeout(flashed.timer);
        flashed.mark.removeAttribute(FLASH_ATTRIBUTE);
      }
      mark.setAttribute(FLASH_ATTRIBUTE, '');
      flashed = {
        mark,
        timer: timers.setTimeout(() => mark.removeAttribute(FLASH_ATTRIBUTE), FLASH_MS),
      };
      if (mark instanceof (doc.defaultView?.HTMLElement ?? HTMLElement)) mark.focus({ preventScroll: true });
      return { ok: true, value: { index, total: marks.length } };
    },
  };
}
