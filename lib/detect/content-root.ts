/** @module lib/detect/content-root — finds the element that holds a page's main prose, in one read-only pass. */

import {
  ElementKind,
  HEADING_TAGS,
  isBlockTag,
  isParagraph,
  isTeaserList,
  tagOf,
  visibleLength,
  walkReadableSteps,
} from '../extract/node-filters';
import { runSteps, type Steps } from '../slices';

/** What the main-content search measured about the chosen root (lengths are `visibleLength` units). */
export interface RootStats {
  /** Prose mass of the root: plain (non-link) text of its blocks, less a fixed cost per block. */
  prose: number;
  /** All visible text in the root, links included. */
  textLength: number;
  /** Text inside links, in the root. */
  linkLength: number;
  /** Blocks in the root with at least 80 characters and under 30% link text. */
  paragraphs: number;
  /** Length of the longest paragraph in the root. */
  longestParagraph: number;
  /** Headings in the root. */
  headings: number;
  /** Teasers in the root: small blocks of one or two paragraphs with a headline or "read more" link. */
  teasers: number;
  /** `<article>` elements inside the root (not the root itself): a feed of posts, not one story. */
  articles: number;
  /** The root sits inside an ARIA `role="feed"` (infinite timelines). */
  inFeed: boolean;
  /** Prose of the page's teaser lists (outside boilerplate), which are never the root. */
  teaserListProse: number;
  /** Prose mass of the whole body, boilerplate included. */
  pageProse: number;
  /** Visible text of the whole body. */
  pageTextLength: number;
}

export interface ContentRoot {
  root: Element | null;
  stats: RootStats;
}

/** Characters of plain text a block must have before it counts as prose: "Advertisement", dates, "Share" do not. */
const BLOCK_COST = 25;
/**
 * Chrome (nav/aside/footer/"sidebar"…) is boilerplate only while it holds less than this share of the page's
 * prose: some sites wrap the whole page in one <form> (ASP.NET) or name the layout "has-sidebar".
 */
const CHROME_MAX_SHARE = 0.5;
/** Link characters a mostly-link block needs to read as a headline or "read more" line, not a stray "›". */
const LINK_BLOCK_MIN = 15;

function emptyStats(): RootStats {
  return {
    prose: 0,
    textLength: 0,
    linkLength: 0,
    paragraphs: 0,
    longestParagraph: 0,
    headings: 0,
    teasers: 0,
    articles: 0,
    inFeed: false,
    teaserListProse: 0,
    pageProse: 0,
    pageTextLength: 0,
  };
}

/** `doc.body` throws in linkedom when the document has no root element; treat that as "no body". */
export function bodyOf(doc: Document): Element | null {
  try {
    return doc.body ?? doc.documentElement ?? null;
  } catch {
    return null;
  }
}

/**
 * Finds the main content root: the element whose subtree maximizes prose minus boilerplate, where prose is
 * the plain text of paragraph-like blocks and boilerplate is link text plus the text of chrome and comment
 * sections. Adding a sidebar or a nav to a subtree costs more than it brings, so the maximum sits on the
 * block that holds the story's paragraphs and little else. Reads the DOM once and never writes to it.
 */
export function findContentRoot(doc: Document): ContentRoot {
  return runSteps(findContentRootSteps(doc));
}

/** `findContentRoot` as steps: the walk over the page yields (see `walkReadableSteps`); the sums after it are quick. */
export function* findContentRootSteps(doc: Document): Steps<ContentRoot> {
  const body = bodyOf(doc);
  if (!body) return { root: null, stats: emptyStats() };

  // Per-element records, in document (pre-)order, so every parent comes before its children.
  const els: Element[] = [];
  const parent: number[] = [];
  const kind: ElementKind[] = [];
  const block: number[] = []; // nearest block-level ancestor-or-self
  const inLink: boolean[] = [];
  const heading: boolean[] = [];
  const isArticleTag: boolean[] = [];
  const ownLen: number[] = []; // text attributed to this block by its inline content
  const ownLink: number[] = [];

  const add = (el: Element, tag: string, k: ElementKind, p: number): number => {
    const i = els.length;
    els.push(el);
    parent.push(p);
    kind.push(k);
    block.push(p < 0 || isBlockTag(tag) ? i : block[p]);
    inLink.push(tag === 'a' || (p >= 0 && inLink[p]));
    heading.push(HEADING_TAGS.has(tag));
    isArticleTag.push(tag === 'article');
    ownLen.push(0);
    ownLink.push(0);
    return i;
  };

  yield* walkReadableSteps(body, add(body, tagOf(body), ElementKind.Normal, -1), {
    element: (el, tag, k, p) => add(el, tag, k, p),
    text(node, p) {
      const len = visibleLength(node.data);
      if (len > 0) {
        const b = block[p];
        ownLen[b] += len;
        if (inLink[p]) ownLink[b] += len;
      }
    },
  });

  yield;
  const n = els.length;
  // Block-level measures (a block's own text is the text of its inline content), then sums over subtrees.
  const prose = new Float64Array(n); // plain text of prose-like blocks, less BLOCK_COST each
  const cost = new Float64Array(n); // link text, plus the prose of boilerplate folded in
  const text = new Float64Array(n);
  const links = new Float64Array(n);
  const paras = new Int32Array(n);
  const longest = new Float64Array(n);
  const heads = new Int32Array(n);
  const linkBlocks = new Int32Array(n);
  const items = new Int32Array(n);
  const arts = new Int32Array(n);
  const teaserList = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const len = ownLen[i];
    if (len === 0) continue;
    const lk = ownLink[i];
    text[i] = len;
    links[i] = lk;
    cost[i] = lk;
    // A headline or "Learn more about X" line: a block that is mostly one link.
    if (lk * 2 > len && lk >= LINK_BLOCK_MIN) linkBlocks[i] = 1;
    if (heading[i]) {
      heads[i] = 1;
      continue;
    }
    if (lk * 2 < len) prose[i] = Math.max(0, len - lk - BLOCK_COST);
    if (isParagraph(len, lk)) {
      paras[i] = 1;
      longest[i] = len;
    }
  }

  // Pass 1: prose of whole subtrees, boilerplate included, to size chrome against the page.
  const good = Float64Array.from(prose);
  for (let i = n - 1; i > 0; i--) good[parent[i]] += good[i];
  const pageProse = good[0];

  // Which elements are boilerplate: comment threads always, chrome while it holds a minor share of the prose.
  const junk = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const k = kind[i];
    const own = k === ElementKind.Comments || (k === ElementKind.Chrome && good[i] < CHROME_MAX_SHARE * pageProse);
    junk[i] = own || junk[parent[i]] ? 1 : 0;
  }

  // Pass 2: subtree sums where boilerplate and teaser lists count against their parent. Backwards, so each
  // element is complete (all descendants folded in) when it is folded into its parent.
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i];
    text[p] += text[i];
    links[p] += links[i];
    // A teaser: the smallest element holding one or two paragraphs and a link line (headline, "read more").
    if (items[i] === 0 && paras[i] >= 1 && paras[i] <= 2 && linkBlocks[i] >= 1) items[i] = 1;
    // A list of teasers is not the story, even when the summaries are long enough to pass as prose:
    // herald-sun-1 "Other Opinion Columns" inside div#story, mozilla-2 feature list.
    if (junk[i] === 0 && isTeaserList(items[i], paras[i])) teaserList[i] = 1;
    if ((junk[i] === 1 && junk[p] === 0) || teaserList[i] === 1) {
      cost[p] += cost[i] + prose[i];
      continue;
    }
    // Paragraph and heading counts describe the story only: boilerplate and teasers folded above leave them out.
    prose[p] += prose[i];
    cost[p] += cost[i];
    paras[p] += paras[i];
    if (longest[i] > longest[p]) longest[p] = longest[i];
    heads[p] += heads[i];
    arts[p] += arts[i] + (isArticleTag[i] ? 1 : 0);
    linkBlocks[p] += linkBlocks[i];
    items[p] += items[i];
  }

  // Teaser lists and what is inside them cannot be the root: a short story must not lose to a longer list of
  // related-story summaries beside it. Their prose is summed for detection: on a home page it outweighs any
  // single block.
  const inList = new Uint8Array(n);
  let teaserProse = 0;
  for (let i = 1; i < n; i++) {
    const above = inList[parent[i]] === 1;
    if (teaserList[i] === 1 && !above) teaserProse += prose[i];
    inList[i] = above || teaserList[i] === 1 ? 1 : 0;
  }

  let best = -1;
  let bestScore = 0;
  // Reverse order visits children before parents: on a tie the deeper (tighter) element wins.
  for (let i = n - 1; i >= 0; i--) {
    if (junk[i] || inList[i]) continue;
    const s = prose[i] - cost[i];
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }

  const stats = emptyStats();
  stats.pageProse = pageProse;
  stats.teaserListProse = teaserProse;
  stats.pageTextLength = text[0];
  if (best < 0) return { root: null, stats };
  stats.prose = prose[best];
  stats.textLength = text[best];
  stats.linkLength = links[best];
  stats.paragraphs = paras[best];
  stats.longestParagraph = longest[best];
  stats.headings = heads[best];
  stats.teasers = items[best];
  stats.articles = arts[best];
  for (let i = best; i >= 0 && !stats.inFeed; i = parent[i]) {
    if (els[i].getAttribute('role') === 'feed') stats.inFeed = true;
  }
  return { root: els[best], stats };
}
