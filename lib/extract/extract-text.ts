/** @module lib/extract/extract-text — the main text under a root element, with an exact map back to its Text nodes. */

import { runSteps, type Steps } from '../slices';
import {
  ElementKind,
  HEADING_TAGS,
  isBlockTag,
  isParagraph,
  isTeaserList,
  tagOf,
  visibleLength,
  walkReadableSteps,
} from './node-filters';
import type { ExtractedText, TextSegment } from './types';

/** Block boundaries that end a line rather than a paragraph: list items, table cells and rows, captions. */
const LINE_TAGS = new Set(['li', 'dt', 'dd', 'tr', 'td', 'th', 'caption', 'figcaption', 'summary', 'legend']);

/**
 * A container inside the root is dropped as a link list when links are more than this share of its text and
 * it holds little prose: related-story lists and share bars without telling class names.
 */
const LINK_LIST_DENSITY = 0.5;
/**
 * A single block (one paragraph, one list item) needs a higher share: "Read more: …" is all link, while a
 * short paragraph that links two names ("<a>Emmanuel Macron</a> and <a>Olaf Scholz</a> met") is story.
 */
const LINK_LINE_DENSITY = 0.8;
/** Plain-text characters above which a link-dense block is kept anyway (a paragraph that cites many sources). */
const LINK_LIST_MAX_PLAIN = 120;
/** Chrome inside the root is kept when it holds this share of the root's text or more: it is the story itself. */
const CHROME_MAX_SHARE = 0.5;
/** Link characters a mostly-link block needs to read as a headline or "read more" line. */
const LINK_BLOCK_MIN = 15;
/** Containers that can be dropped as a cloud of fragments (see `shouldDrop`). */
const FRAGMENT_CONTAINERS = new Set(['div', 'section', 'figure', 'header', 'aside']);
const FRAGMENT_MIN_BLOCKS = 6;
/** Average characters per block below which a container with no paragraph is fragments. */
const FRAGMENT_MAX_AVERAGE = 20;
/** Past this many extracted characters the rest is ignored: no article is this long, so it bounds the work. */
const MAX_TEXT = 2_000_000;

enum Item {
  Element = 0,
  Text = 1,
}

/** Separator kinds: 0 none, 1 line ("\n"), 2 paragraph ("\n\n"). */
type Sep = 0 | 1 | 2;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

/**
 * Extracts the main text under `root`, skipping code, media, controls, hidden and editable elements,
 * navigation/aside/footer/forms, share bars, related-link lists, ads and comment threads. Figure captions
 * are kept: they name the people and places in the photos (Readability keeps them too: ars-1, bbc-1, medium-1).
 *
 * Block elements and `<br>` become separators ("\n\n" between paragraphs, "\n" between list items, table
 * cells and `<br>` lines); all other characters are verbatim slices of Text nodes, listed in `segments`.
 * Whitespace at the edges of each line is left out by starting or ending a slice inside its node.
 * Read-only: never writes to the DOM. Never throws on odd input; a root with no text gives empty output.
 */
export function extractText(root: Element): ExtractedText {
  return runSteps(extractTextSteps(root));
}

/** `extractText` as steps: the walk yields (see `walkReadableSteps`), the passes after it are quick. */
export function* extractTextSteps(root: Element): Steps<ExtractedText> {
  try {
    return yield* extract(root);
  } catch {
    // A DOM that is torn down mid-walk (a node moved by page script between our reads) must not break the
    // page: report nothing rather than throw.
    return { text: '', segments: [] };
  }
}

function* extract(root: Element): Steps<ExtractedText> {
  // Pass 1: flatten the root's subtree in document order, skipping what can never be text.
  const kinds: Item[] = [];
  const nodes: Node[] = [];
  const parent: number[] = []; // index of the parent element item
  const end: number[] = []; // for elements: index one past the subtree
  const tags: string[] = [];
  const ekind: ElementKind[] = [];
  const inLink: boolean[] = [];
  const blockOf: number[] = []; // nearest block-level ancestor-or-self
  const textLen: number[] = [];

  const pushElement = (el: Element, tag: string, k: ElementKind, p: number): number => {
    const i = nodes.length;
    kinds.push(Item.Element);
    nodes.push(el);
    parent.push(p);
    end.push(i + 1);
    tags.push(tag);
    ekind.push(k);
    inLink.push(tag === 'a' || (p >= 0 && inLink[p]));
    blockOf.push(p < 0 || isBlockTag(tag) ? i : blockOf[p]);
    textLen.push(0);
    return i;
  };

  const rootTag = tagOf(root);
  yield* walkReadableSteps(root, pushElement(root, rootTag, ElementKind.Normal, -1), {
    element: pushElement,
    text(node, p) {
      const i = nodes.length;
      kinds.push(Item.Text);
      nodes.push(node);
      parent.push(p);
      end.push(i + 1);
      tags.push('');
      ekind.push(ElementKind.Normal);
      inLink.push(inLink[p]);
      blockOf.push(blockOf[p]);
      textLen.push(visibleLength(node.data));
    },
    leave(index) {
      end[index] = nodes.length;
    },
  });

  yield;
  // Pass 2: per element subtree, text and link lengths (children come after parents, so backward sweeps
  // sum them).
  const n = nodes.length;
  const total = new Float64Array(n);
  const linked = new Float64Array(n);
  const ownLen = new Float64Array(n);
  const ownLink = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (kinds[i] === Item.Text) {
      total[i] = textLen[i];
      ownLen[blockOf[i]] += textLen[i];
      if (inLink[i]) {
        linked[i] = textLen[i];
        ownLink[blockOf[i]] += textLen[i];
      }
    }
    if (i > 0) {
      total[parent[i]] += total[i];
      linked[parent[i]] += linked[i];
    }
  }
  const rootText = total[0];

  // Which subtrees to leave out, decided bottom-up so that the counts of a container (text blocks,
  // paragraphs, teasers) leave out what was already dropped inside it: nytimes-2 keeps the story
  // paragraphs around a "Related Coverage" box of linked headlines.
  const blocks = new Int32Array(n);
  const paras = new Int32Array(n);
  const linkBlocks = new Int32Array(n);
  const items = new Int32Array(n);
  const drop = new Uint8Array(n);

  const shouldDrop = (i: number): boolean => {
    const k = ekind[i];
    if (k === ElementKind.Comments) return true;
    const minor = total[i] < CHROME_MAX_SHARE * rootText;
    if (k === ElementKind.Chrome && minor) return true;
    const tag = tags[i];
    // Link lists: containers (not inline runs, not headings: a linked sub-heading names a product or place).
    if (!isBlockTag(tag) || HEADING_TAGS.has(tag) || total[i] === 0) return false;
    const plain = total[i] - linked[i];
    const density = blocks[i] > 1 ? LINK_LIST_DENSITY : LINK_LINE_DENSITY;
    if (linked[i] > density * total[i] && plain < LINK_LIST_MAX_PLAIN) return true;
    if (minor && isTeaserList(items[i], paras[i])) return true;
    // Many tiny blocks and no paragraph: chart labels, tag clouds, date lines (nytimes-4 ai2html charts).
    // Lists and tables are left alone: a list of short items can still name people and places.
    return (
      minor &&
      FRAGMENT_CONTAINERS.has(tag) &&
      blocks[i] >= FRAGMENT_MIN_BLOCKS &&
      paras[i] === 0 &&
      total[i] < FRAGMENT_MAX_AVERAGE * blocks[i]
    );
  };

  for (let i = n - 1; i > 0; i--) {
    if (kinds[i] === Item.Text) continue;
    const len = ownLen[i];
    if (len > 0) {
      blocks[i] += 1;
      if (ownLink[i] * 2 > len && ownLink[i] >= LINK_BLOCK_MIN) linkBlocks[i] += 1;
      if (!HEADING_TAGS.has(tags[i]) && isParagraph(len, ownLink[i])) paras[i] += 1;
    }
    // A teaser: the smallest element holding one or two paragraphs and a link line (as in lib/detect).
    if (items[i] === 0 && paras[i] >= 1 && paras[i] <= 2 && linkBlocks[i] >= 1) items[i] = 1;
    if (shouldDrop(i)) {
      drop[i] = 1;
      continue;
    }
    const p = parent[i];
    blocks[p] += blocks[i];
    paras[p] += paras[i];
    linkBlocks[p] += linkBlocks[i];
    items[p] += items[i];
  }

  yield;
  // Pass 3: emit pieces and separators.
  const pieceNode: Text[] = [];
  const pieceFrom: number[] = [];
  const pieceTo: number[] = [];
  const sepBefore: Sep[] = [];
  let pendingSep: Sep = 0;
  let size = 0;
  const closeAt: number[] = []; // end indices of open block elements
  const closeSep: Sep[] = [];
  const sepOf = (tag: string): Sep => (LINE_TAGS.has(tag) ? 1 : 2);
  const raise = (s: Sep) => {
    if (s > pendingSep) pendingSep = s;
  };

  let i = 1;
  while (i < n && size < MAX_TEXT) {
    while (closeAt.length > 0 && closeAt[closeAt.length - 1] <= i) {
      closeAt.pop();
      raise(closeSep.pop() as Sep);
    }
    if (kinds[i] === Item.Element) {
      if (drop[i]) {
        // A dropped block still separates its neighbours.
        if (isBlockTag(tags[i])) raise(2);
        i = end[i];
        continue;
      }
      const tag = tags[i];
      if (tag === 'br') raise(1);
      else if (isBlockTag(tag)) {
        const s = sepOf(tag);
        raise(s);
        closeAt.push(end[i]);
        closeSep.push(s);
      }
      i++;
      continue;
    }
    const node = nodes[i] as Text;
    const data = node.data;
    if (data.length > 0) {
      pieceNode.push(node);
      pieceFrom.push(0);
      pieceTo.push(data.length);
      sepBefore.push(pendingSep);
      pendingSep = 0;
      size += data.length;
    }
    i++;
  }

  yield;
  return assemble(pieceNode, pieceFrom, pieceTo, sepBefore);
}

/**
 * Joins pieces into lines and paragraphs: trims whitespace at the edges of each line (by narrowing slices),
 * drops pieces left empty, and writes one separator between lines — the only synthetic characters.
 */
function assemble(nodes: Text[], from: number[], to: number[], sepBefore: Sep[]): ExtractedText {
  const m = nodes.length;
  // Lines: runs of pieces between separators.
  const lineStart: number[] = [];
  for (let k = 0; k < m; k++) if (k === 0 || sepBefore[k] > 0) lineStart.push(k);
  lineStart.push(m);

  const segments: TextSegment[] = [];
  const parts: string[] = [];
  let pos = 0;
  let sepPending: Sep = 0;
  for (let l = 0; l + 1 < lineStart.length; l++) {
    const a = lineStart[l];
    const b = lineStart[l + 1];
    if (l > 0) {
      const s = sepBefore[a];
      if (s > sepPending) sepPending = s;
    }
    // Trim the line's leading whitespace.
    let first = a;
    while (first < b) {
      const d = nodes[first].data;
      let f = from[first];
      while (f < to[first] && isSpace(d.charCodeAt(f))) f++;
      from[first] = f;
      if (f < to[first]) break;
      first++;
    }
    if (first >= b) continue; // blank line: its separator carries over to the next one
    // Trim the line's trailing whitespace.
    let last = b - 1;
    while (last >= first) {
      const d = nodes[last].data;
      let t = to[last];
      while (t > from[last] && isSpace(d.charCodeAt(t - 1))) t--;
      to[last] = t;
      if (t > from[last]) break;
      last--;
    }
    if (segments.length > 0) {
      const sep = sepPending === 1 ? '\n' : '\n\n';
      parts.push(sep);
      pos += sep.length;
    }
    sepPending = 0;
    for (let k = first; k <= last; k++) {
      if (to[k] <= from[k]) continue;
      const slice = nodes[k].data.slice(from[k], to[k]);
      parts.push(slice);
      segments.push({ node: nodes[k], nodeOffset: from[k], start: pos, end: pos + slice.length });
      pos += slice.length;
    }
  }
  return { text: parts.join(''), segments };
}

/**
 * The extracted text for display and the CLI: whitespace inside the verbatim slices collapsed to single
 * spaces and soft hyphens removed, separators kept ("\n" between lines, "\n\n" between paragraphs).
 * Offsets do not map back to the DOM.
 */
export function toPlainText(extracted: ExtractedText): string {
  const out: string[] = [];
  let prevEnd = 0;
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  for (const seg of extracted.segments) {
    const gap = extracted.text.slice(prevEnd, seg.start);
    if (gap.length > 0 && out.length + (line ? 1 : 0) > 0) {
      flush();
      out.push(gap.length >= 2 ? '\n\n' : '\n');
    }
    line += extracted.text.slice(seg.start, seg.end).replace(/\u00ad/g, '');
    prevEnd = seg.end;
  }
  flush();
  // Separators can end up doubled or dangling where a line collapsed to nothing.
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
