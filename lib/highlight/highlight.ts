/** @module lib/highlight/highlight — wraps mentions in removable <bs-mention> elements without changing the page's text. */

import type { ExtractedText } from '../extract/types';
import type { Mention } from '../recognize/types';

/** The tag of our wrappers: a custom element, so no page style aimed at <mark> or <span> reaches it. */
export const MENTION_TAG = 'bs-mention';

/** Attributes of a wrapper; the stylesheet and the panel select on them. */
export const KIND_ATTRIBUTE = 'data-bs-kind';
export const ENTITY_ATTRIBUTE = 'data-bs-entity';
export const LINKED_ATTRIBUTE = 'data-bs-linked';

interface Piece {
  node: Text;
  from: number;
  to: number;
  mention: Mention;
  textStart: number;
}

/**
 * Wraps each mention's characters in `<bs-mention>` elements, one per text node it spans.
 * A piece whose node no longer holds the expected characters (the page changed meanwhile) is
 * skipped. Returns the wrappers made, for `removeHighlights`.
 */
export function highlightMentions(extracted: ExtractedText, mentions: Mention[]): Element[] {
  const pieces = collectPieces(extracted, mentions);
  // From the end backwards: splitting a node keeps its beginning in place, so earlier offsets stay true.
  pieces.sort((a, b) => b.textStart - a.textStart);
  const made: Element[] = [];
  for (const piece of pieces) {
    const wrapper = wrapPiece(piece, extracted.text);
    if (wrapper) made.push(wrapper);
  }
  return made.reverse();
}

function collectPieces(extracted: ExtractedText, mentions: Mention[]): Piece[] {
  const pieces: Piece[] = [];
  const segments = extracted.segments;
  let s = 0;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (const mention of sorted) {
    while (s < segments.length && segments[s].end <= mention.start) s++;
    for (let k = s; k < segments.length && segments[k].start < mention.end; k++) {
      const seg = segments[k];
      const from = Math.max(mention.start, seg.start);
      const to = Math.min(mention.end, seg.end);
      if (to <= from) continue;
      pieces.push({
        node: seg.node,
        from: seg.nodeOffset + (from - seg.start),
        to: seg.nodeOffset + (to - seg.start),
        mention,
        textStart: from,
      });
    }
  }
  return pieces;
}

function wrapPiece(piece: Piece, text: string): Element | null {
  const { node, from, to, mention } = piece;
  const parent = node.parentNode;
  const doc = node.ownerDocument;
  if (!parent || !doc || !node.isConnected) return null;
  const expected = text.slice(piece.textStart, piece.textStart + (to - from));
  if (node.data.slice(from, to) !== expected) return null;
  if (to < node.data.length) node.splitText(to);
  const target = from > 0 ? node.splitText(from) : node;
  const wrapper = doc.createElement(MENTION_TAG);
  wrapper.setAttribute(KIND_ATTRIBUTE, mention.kind);
  wrapper.setAttribute(LINKED_ATTRIBUTE, mention.entityId ? 'true' : 'false');
  if (mention.entityId) wrapper.setAttribute(ENTITY_ATTRIBUTE, mention.entityId);
  parent.insertBefore(wrapper, target);
  wrapper.appendChild(target);
  return wrapper;
}

/** Unwraps every wrapper, merging the text nodes that highlighting split. The page's text is as before. */
export function removeHighlights(wrappers: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const wrapper of wrappers) {
    const parent = wrapper.parentNode;
    if (!parent) continue;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    parent.removeChild(wrapper);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}

/** The stylesheet for the wrappers: background and underline only, so nothing moves. */
export const HIGHLIGHT_CSS = `
${MENTION_TAG} { display: inline !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  font: inherit !important; color: inherit !important; border-radius: 2px !important; cursor: help;
  text-decoration: underline 2px !important; text-underline-offset: 2px !important; }
${MENTION_TAG}[${KIND_ATTRIBUTE}="place"] { background: rgba(46, 160, 67, 0.18) !important; text-decoration-color: rgba(46, 160, 67, 0.8) !important; }
${MENTION_TAG}[${KIND_ATTRIBUTE}="person"] { background: rgba(9, 105, 218, 0.16) !important; text-decoration-color: rgba(9, 105, 218, 0.8) !important; }
${MENTION_TAG}[${KIND_ATTRIBUTE}="organization"] { background: rgba(191, 135, 0, 0.2) !important; text-decoration-color: rgba(191, 135, 0, 0.85) !important; }
${MENTION_TAG}[${LINKED_ATTRIBUTE}="false"] { background: transparent !important; text-decoration-style: dotted !important; }
`;
