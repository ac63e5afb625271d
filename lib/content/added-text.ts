/** @module lib/content/added-text — the new text in blocks a page added after it was read (live blogs, "read more"). */

import { classifyElement, ElementKind, tagOf, visibleLength } from '../extract/node-filters';
import type { ExtractedText, TextSegment } from '../extract/types';
import { MENTION_TAG, UI_TAG } from '../highlight/highlight';

/** Added blocks with less visible text than this are not worth a message ("Updated 2 min ago", a counter). */
export const MIN_ADDED_TEXT = 20;

/**
 * Outside the article's element, an added block must hold at least this much new text: the next story of an
 * infinite scroll does, while a news ticker, a "trending" strip or a rotating teaser, which would otherwise be
 * filed as part of the article, do not.
 */
export const MIN_ADDED_TEXT_OUTSIDE_ARTICLE = 200;

/**
 * Elements whose addition never brings article text: media, scripts, styles, embeds, line breaks, and our
 * own marks and UI. Checked in the MutationObserver callback, which runs inside the page's own task, so it
 * must stay a cheap tag test.
 */
const NEVER_TEXT_TAGS = new Set([
  'script',
  'style',
  'link',
  'meta',
  'noscript',
  'template',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'iframe',
  'embed',
  'object',
  'canvas',
  'svg',
  'br',
  'hr',
  'input',
  'textarea',
  'select',
  'button',
  MENTION_TAG,
  UI_TAG,
]);

/** Whether an added node can hold article text; a cheap test for the MutationObserver callback. */
export function mayHoldText(node: Node): node is Element {
  return node.nodeType === 1 && !NEVER_TEXT_TAGS.has((node as Element).localName);
}

/**
 * The added elements worth reading: still in the document, not inside another of them, not inside our marks
 * or UI, and not inside an element the extractor treats as chrome, comments or never-text (an ad slot, a
 * comment thread, a cookie banner or an editor that fills in later). In document order.
 */
export function addedRoots(candidates: readonly Element[], body: Element): Element[] {
  const connected = [...new Set(candidates)].filter((el) => el.isConnected && body.contains(el) && el !== body);
  connected.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  const out: Element[] = [];
  for (const el of connected) {
    const last = out[out.length - 1];
    if (last?.contains(el)) continue;
    if (!isReadableContext(el, body)) continue;
    out.push(el);
  }
  return out;
}

function isReadableContext(el: Element, body: Element): boolean {
  for (let cur: Element | null = el; cur && cur !== body; cur = cur.parentElement) {
    const tag = tagOf(cur);
    if (tag === MENTION_TAG || tag === UI_TAG) return false;
    if (classifyElement(cur, tag) !== ElementKind.Normal) return false;
  }
  return true;
}

/**
 * Keeps only the segments of `extracted` whose text node is new (`isOld` false), as one text with its own
 * offsets: separators between kept segments are the original ones when the segments were adjacent, and a
 * paragraph break where old text was left out between them.
 */
export function onlyNewText(extracted: ExtractedText, isOld: (node: Text) => boolean): ExtractedText {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let pos = 0;
  let previous: TextSegment | null = null;
  let skipped = false;
  for (const seg of extracted.segments) {
    if (isOld(seg.node)) {
      skipped = true;
      continue;
    }
    if (previous) {
      const gap = skipped ? '\n\n' : extracted.text.slice(previous.end, seg.start);
      parts.push(gap);
      pos += gap.length;
    }
    const slice = extracted.text.slice(seg.start, seg.end);
    parts.push(slice);
    segments.push({ node: seg.node, nodeOffset: seg.nodeOffset, start: pos, end: pos + slice.length });
    pos += slice.length;
    previous = seg;
    skipped = false;
  }
  return { text: parts.join(''), segments };
}

/** Several extracted texts as one, separated by paragraph breaks, with the segment offsets moved to match. */
export function joinExtracted(parts: readonly ExtractedText[]): ExtractedText {
  let text = '';
  const segments: TextSegment[] = [];
  for (const part of parts) {
    if (part.segments.length === 0) continue;
    const base = text.length === 0 ? 0 : text.length + 2;
    if (text.length > 0) text += '\n\n';
    text += part.text;
    for (const seg of part.segments) segments.push({ ...seg, start: seg.start + base, end: seg.end + base });
  }
  return { text, segments };
}

/** Visible characters of an extracted text (whitespace runs count once). */
export function visibleTextLength(extracted: ExtractedText): number {
  return visibleLength(extracted.text);
}
