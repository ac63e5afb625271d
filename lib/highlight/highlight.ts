/** @module lib/highlight/highlight — wraps mentions in removable <bs-mention> elements without changing the page's text. */

import type { ExtractedText } from '../extract/types';
import type { Mention } from '../recognize/types';

/** The tag of our wrappers: a custom element, so no page style aimed at <mark> or <span> reaches it. */
export const MENTION_TAG = 'bs-mention';

/** The tag of the hosts of our own UI in the page (the hover card): never highlighted inside. */
export const UI_TAG = 'bs-ui';

/** Attributes of a wrapper; the stylesheet and the panel select on them. */
export const KIND_ATTRIBUTE = 'data-bs-kind';
export const ENTITY_ATTRIBUTE = 'data-bs-entity';
export const LINKED_ATTRIBUTE = 'data-bs-linked';
/** On the second and later wrappers of a mention split across elements ("<b>Abu</b> Dhabi"): one mention, one count. */
export const CONTINUES_ATTRIBUTE = 'data-bs-continues';
/** A mark the side panel asked to show carries it for a moment. */
export const FLASH_ATTRIBUTE = 'data-bs-flash';

/**
 * Where a mark must never go: form controls and editable text (the reader is typing there, and a wrapper
 * would end up in what they submit), code (a name in code is an identifier, and wrappers would break
 * copy-paste of it), scripts and styles, SVG and MathML (no HTML inside), our own UI and our own marks.
 * The extractor already leaves most of these out; this is the last check, for text that reached
 * highlighting another way (a block a page added inside an editor, a name inside inline <code>).
 */
export const NEVER_HIGHLIGHT_INSIDE = [
  'input',
  'textarea',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  '[contenteditable]:not([contenteditable="false"])',
  UI_TAG,
  MENTION_TAG,
].join(',');

const TEXT_NODE = 3;

interface Piece {
  node: Text;
  from: number;
  to: number;
  mention: Mention;
  textStart: number;
  /** True for the first piece of its mention (a mention can span several text nodes). */
  first: boolean;
  /** Order of the piece's node in the text, for processing nodes top-down. */
  nodeOrder: number;
}

/**
 * Text nodes our splitting created. Removal merges each of them back into the text node before it, so the
 * page gets its own nodes back (frameworks keep references to them) and no node of its own is merged.
 */
const createdBySplit = new WeakSet<Text>();

export interface HighlightOptions {
  /** Called on each new wrapper: `first` is true for the first wrapper of a mention. */
  decorate?: (wrapper: Element, mention: Mention, first: boolean) => void;
}

export interface ChunkedHighlightOptions extends HighlightOptions {
  /** Resolves when the page has had its turn (`scheduler.yield`, a 0 ms timeout). */
  pause: () => Promise<void>;
  now: () => number;
  /** Milliseconds of wrapping per task before pausing. */
  budgetMs: number;
  /** Checked between chunks: true stops the work; the wrappers made so far stay (and are in `made`). */
  stopped?: () => boolean;
  /** Receives each wrapper as it is made, so a caller can remove a batch that is still in progress. */
  made?: Element[];
  /** Called after each chunk with all wrappers made so far. */
  onChunk?: (made: readonly Element[]) => void;
  /**
   * Whether a text node lies above what the reader sees (the page is scrolled down): marking starts at the
   * first node that does not, so the names on screen come first, and the ones above follow. Absent: from the top.
   */
  isAboveView?: (node: Text) => boolean;
}

/**
 * Wraps each mention's characters in `<bs-mention>` elements, one per text node it spans.
 * A piece whose node no longer holds the expected characters (the page changed meanwhile), or whose node is
 * inside an element listed in `NEVER_HIGHLIGHT_INSIDE`, is skipped. Returns the wrappers in document order.
 */
export function highlightMentions(
  extracted: ExtractedText,
  mentions: Mention[],
  options: HighlightOptions = {},
): Element[] {
  const allowed = highlightableCheck();
  const made: { wrapper: Element; at: number }[] = [];
  for (const group of nodeGroups(orderedPieces(extracted, mentions))) {
    wrapGroup(group, extracted.text, allowed, options, (wrapper, piece) => made.push({ wrapper, at: piece.textStart }));
  }
  return made.sort((a, b) => a.at - b.at).map((m) => m.wrapper);
}

/**
 * `highlightMentions` in chunks of about `budgetMs` each, pausing between them so the page stays responsive:
 * a long article has hundreds of names, and one task that wraps them all (plus the style work it causes)
 * would be a long task. Nodes are taken top-down from the first one on screen (see `isAboveView`), so the names
 * the reader sees are marked first.
 * Returns the wrappers in the order they were made; `removeHighlights` takes them in any order.
 */
export async function highlightMentionsInChunks(
  extracted: ExtractedText,
  mentions: Mention[],
  options: ChunkedHighlightOptions,
): Promise<Element[]> {
  const groups = startAtView(nodeGroups(orderedPieces(extracted, mentions)), options.isAboveView);
  const allowed = highlightableCheck();
  const made = options.made ?? [];
  let g = 0;
  while (g < groups.length && !options.stopped?.()) {
    const started = options.now();
    do {
      wrapGroup(groups[g++], extracted.text, allowed, options, (wrapper) => made.push(wrapper));
    } while (g < groups.length && options.now() - started < options.budgetMs);
    options.onChunk?.(made);
    if (g < groups.length) await options.pause();
  }
  return made;
}

/**
 * The groups from the first one on screen to the end, then the ones above it. Groups are in document order,
 * so a binary search finds that one with a dozen layout reads at most.
 */
function startAtView(groups: Piece[][], isAboveView: ((node: Text) => boolean) | undefined): Piece[][] {
  if (!isAboveView || groups.length < 2) return groups;
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAboveView(groups[mid][0].node)) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 || lo === groups.length ? groups : [...groups.slice(lo), ...groups.slice(0, lo)];
}

/** Most pieces wrapped in one go without looking at the clock: a text node with more names is cut here. */
const MAX_GROUP = 32;

/**
 * The pieces as runs of one text node each (cut at `MAX_GROUP`): the unit of work between clock checks, and
 * the unit in which `decorate` sees wrappers in document order.
 */
function nodeGroups(pieces: Piece[]): Piece[][] {
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  for (const piece of pieces) {
    if (current.length > 0 && (current[0].node !== piece.node || current.length >= MAX_GROUP)) {
      groups.push(current);
      current = [];
    }
    current.push(piece);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Wraps one node's pieces, last first (see `orderedPieces`), then decorates the new wrappers first to last, so a
 * decoration that depends on order ("the first mark of an entity") follows the text.
 */
function wrapGroup(
  group: Piece[],
  text: string,
  allowed: (node: Text) => boolean,
  options: HighlightOptions,
  add: (wrapper: Element, piece: Piece) => void,
): void {
  const made: [Element, Piece][] = [];
  for (const piece of group) {
    const wrapper = wrapPiece(piece, text, allowed);
    if (wrapper) made.push([wrapper, piece]);
  }
  for (let i = made.length - 1; i >= 0; i--) {
    const [wrapper, piece] = made[i];
    options.decorate?.(wrapper, piece.mention, piece.first);
    add(wrapper, piece);
  }
}

/**
 * The pieces to wrap: node by node in document order, and inside one node from the end backwards, because
 * splitting a node keeps its beginning in place, so the earlier offsets into it stay true.
 */
function orderedPieces(extracted: ExtractedText, mentions: Mention[]): Piece[] {
  const pieces = collectPieces(extracted, mentions);
  return pieces.sort((a, b) => a.nodeOrder - b.nodeOrder || b.textStart - a.textStart);
}

function collectPieces(extracted: ExtractedText, mentions: Mention[]): Piece[] {
  const pieces: Piece[] = [];
  const segments = extracted.segments;
  const nodeOrder = new Map<Text, number>();
  let s = 0;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (const mention of sorted) {
    while (s < segments.length && segments[s].end <= mention.start) s++;
    let first = true;
    for (let k = s; k < segments.length && segments[k].start < mention.end; k++) {
      const seg = segments[k];
      const from = Math.max(mention.start, seg.start);
      const to = Math.min(mention.end, seg.end);
      if (to <= from) continue;
      let order = nodeOrder.get(seg.node);
      if (order === undefined) {
        order = k;
        nodeOrder.set(seg.node, order);
      }
      pieces.push({
        node: seg.node,
        from: seg.nodeOffset + (from - seg.start),
        to: seg.nodeOffset + (to - seg.start),
        mention,
        textStart: from,
        first,
        nodeOrder: order,
      });
      first = false;
    }
  }
  return pieces;
}

/** Whether a text node may be wrapped, memoized per parent element for one highlighting run. */
function highlightableCheck(): (node: Text) => boolean {
  const byParent = new Map<Element, boolean>();
  return (node) => {
    const parent = node.parentElement;
    if (!parent) return false;
    let ok = byParent.get(parent);
    if (ok === undefined) {
      ok = parent.closest(NEVER_HIGHLIGHT_INSIDE) === null && parent.ownerDocument.designMode !== 'on';
      byParent.set(parent, ok);
    }
    return ok;
  };
}

/** True when a mark may be placed in this text node (see `NEVER_HIGHLIGHT_INSIDE`). */
export function isHighlightable(node: Text): boolean {
  return highlightableCheck()(node);
}

function wrapPiece(piece: Piece, text: string, allowed: (node: Text) => boolean): Element | null {
  const { node, from, to, mention } = piece;
  const parent = node.parentNode;
  const doc = node.ownerDocument;
  if (!parent || !doc || !node.isConnected || !allowed(node)) return null;
  const expected = text.slice(piece.textStart, piece.textStart + (to - from));
  if (node.data.slice(from, to) !== expected) return null;
  if (to < node.data.length) createdBySplit.add(node.splitText(to));
  let target = node;
  if (from > 0) {
    target = node.splitText(from);
    createdBySplit.add(target);
  }
  const wrapper = doc.createElement(MENTION_TAG);
  wrapper.setAttribute(KIND_ATTRIBUTE, mention.kind);
  wrapper.setAttribute(LINKED_ATTRIBUTE, mention.entityId ? 'true' : 'false');
  if (mention.entityId) wrapper.setAttribute(ENTITY_ATTRIBUTE, mention.entityId);
  if (!piece.first) wrapper.setAttribute(CONTINUES_ATTRIBUTE, '');
  parent.insertBefore(wrapper, target);
  wrapper.appendChild(target);
  return wrapper;
}

/**
 * Unwraps the wrappers (in any order) and merges the text nodes that highlighting split back into the
 * page's own nodes, so the DOM is as before: the same text, the same Text node objects, and no merging of
 * adjacent text nodes the page made itself (unlike `Node.normalize`).
 */
export function removeHighlights(wrappers: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const wrapper of wrappers) {
    const parent = wrapper.parentNode;
    if (!parent) continue;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    parent.removeChild(wrapper);
    parents.add(parent);
  }
  for (const parent of parents) mergeSplitNodes(parent);
}

function mergeSplitNodes(parent: Node): void {
  let child = parent.firstChild;
  while (child) {
    const next = child.nextSibling;
    const previous = child.previousSibling;
    if (child.nodeType === TEXT_NODE && createdBySplit.has(child as Text) && previous?.nodeType === TEXT_NODE) {
      (previous as Text).appendData((child as Text).data);
      parent.removeChild(child);
      createdBySplit.delete(child as Text);
    }
    child = next;
  }
}

/**
 * The stylesheet for the wrappers: a translucent tint and an underline, nothing that takes space, so no line
 * moves. Tints are mid-tone hues at about 20% opacity: over a white page they are pale, over a black one
 * dark, and the text keeps the page's own colour, so its contrast barely changes on either. The underline
 * colours are mid-tones with at least 3:1 contrast against both white and near-black backgrounds
 * (tests/e2e/in-page.e2e.ts checks both).
 */
export const HIGHLIGHT_CSS = `
${MENTION_TAG} { display: inline !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  font: inherit !important; color: inherit !important; border-radius: 2px !important; cursor: help;
  text-decoration-line: underline !important; text-decoration-thickness: 2px !important;
  text-underline-offset: 2px !important; text-decoration-skip-ink: auto; }
${MENTION_TAG}[${KIND_ATTRIBUTE}="place"] { background: rgba(30, 150, 70, 0.2) !important; text-decoration-color: rgb(30, 150, 70) !important; }
${MENTION_TAG}[${KIND_ATTRIBUTE}="person"] { background: rgba(50, 120, 240, 0.2) !important; text-decoration-color: rgb(50, 120, 240) !important; }
${MENTION_TAG}[${KIND_ATTRIBUTE}="organization"] { background: rgba(200, 120, 0, 0.22) !important; text-decoration-color: rgb(200, 120, 0) !important; }
${MENTION_TAG}[${LINKED_ATTRIBUTE}="false"] { background: transparent !important; text-decoration-style: dotted !important; }
${MENTION_TAG}[${FLASH_ATTRIBUTE}] { outline: 3px solid rgb(230, 160, 0) !important; outline-offset: 2px; }
${MENTION_TAG}:focus { outline: none; }
${MENTION_TAG}:focus-visible { outline: 2px solid currentColor !important; outline-offset: 1px; }
`;
