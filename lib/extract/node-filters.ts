/** @module lib/extract/node-filters — which elements hold readable text, which are boilerplate, how long text is. */

import { runSteps, type Steps } from '../slices';

/** DOM node types, as numbers: lib/ must not read the `Node` global (house rule 2). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const DOCUMENT_NODE = 9;

/**
 * Elements whose content is never article text: code, media, form controls, embedded documents.
 * `math` and `svg` hold formula and drawing glyphs, not prose; `button` holds UI labels ("Share", "Play").
 */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'button',
  'input',
  'textarea',
  'select',
  'option',
  'datalist',
  // Ruby annotations (furigana, pinyin) would be read into the base text: 東京とうきょう.
  'rt',
  'rp',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'dialog',
]);

/** Elements a browser lays out as blocks by default: their edges separate words and paragraphs. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Structural elements that hold site chrome rather than the story. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu']);

/** ARIA landmark roles of site chrome. */
const CHROME_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
  'tablist',
]);

/**
 * Words in class/id names that mark comment threads. These stay boilerplate however much text they hold,
 * because a long comment thread can outweigh the story it follows.
 */
const COMMENT_WORDS = new Set(['comment', 'comments', 'disqus', 'replies', 'discussion', 'respond']);

/**
 * Words in class/id names that mark boilerplate blocks: share bars, related links, ads, newsletters,
 * cookie banners, sidebars. Matched as whole words of the name ("share-bar", "relatedLinks"), never as
 * substrings, so "shadow" or "adjacent" do not match "ad".
 */
const BOILERPLATE_WORDS = new Set([
  'ad',
  'ads',
  'adsense',
  'advert',
  'advertisement',
  'advertising',
  'banner',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'consent',
  'cookie',
  'cookies',
  'dfp',
  'footer',
  'masthead',
  'menu',
  'modal',
  'nav',
  'navbar',
  'navigation',
  'newsletter',
  'outbrain',
  'pagination',
  'pager',
  'paywall',
  'popular',
  'popup',
  'promo',
  'promotion',
  'recirc',
  'recommendations',
  'recommended',
  'related',
  'share',
  'sharing',
  'sharebar',
  'sidebar',
  'signup',
  'skip',
  'social',
  'sponsor',
  'sponsored',
  'subscribe',
  'subscription',
  'taboola',
  'tags',
  'toolbar',
  'trending',
  'widget',
]);

/**
 * Word beginnings that mark boilerplate when class names glue words together without a separator:
 * Jetpack's "jp-relatedposts" (page wordpress), "sharetools", "advertisement-slot", "commentlist".
 */
const BOILERPLATE_PREFIXES = ['related', 'advert', 'newsletter', 'sponsor', 'recommend', 'outbrain', 'taboola'];
const COMMENT_PREFIX = 'comment';
/** "commentary" and "commentator" name opinion journalism, not reader comments. */
const NOT_COMMENTS = /^comment(?:ary|aries|ator|ators)/;

/** Words that say "this is the story", overriding a boilerplate word in the same name ("article-footer" stays chrome). */
const CONTENT_WORDS = new Set(['article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'story', 'text']);

const WORD_SPLIT = /[^a-z0-9]+/;

/** Splits one class or id token into lower-case words, also at camelCase boundaries ("shareBar" → share, bar). */
export function tokenWords(token: string): string[] {
  return token
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w.length > 0);
}

enum NameClass {
  None = 0,
  Content = 1,
  Boilerplate = 2,
  Comments = 3,
  /** Text for screen readers only ("Advertisement", "Opens in a new window", "Skip to content"). */
  ScreenReaderOnly = 4,
}

/**
 * Class names of visually hidden text, also with a prefix: nytimes-1 "visually-hidden", folha
 * "u-visually-hidden" and "u-sr-only", telegraph "sr-only", wordpress "screen-reader-text".
 */
const SCREEN_READER_ONLY = /(?:^|[-_])(?:sr-only|visually-?hidden|screen-?reader-(?:text|only))$/i;

/**
 * What one class/id token names, judged by its head word: the last known word, as in English compounds
 * ("article-footer" is a footer, "sidebar-content" is content, "share-tools" is a share bar).
 */
function classifyToken(token: string, isId: boolean): NameClass {
  const words = tokenWords(token);
  // Ids of four words or more are slugs of heading text, not roles: Sphinx's "sharing-with-a-single-developer"
  // section is story, not a share bar (page mercurial).
  if (isId && words.length > 3) return NameClass.None;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (CONTENT_WORDS.has(w)) return NameClass.Content;
    if (COMMENT_WORDS.has(w)) return NameClass.Comments;
    if (BOILERPLATE_WORDS.has(w)) return NameClass.Boilerplate;
    if (w.length > 7) {
      if (w.startsWith(COMMENT_PREFIX) && !NOT_COMMENTS.test(w)) return NameClass.Comments;
      for (const prefix of BOILERPLATE_PREFIXES) if (w.startsWith(prefix)) return NameClass.Boilerplate;
    }
  }
  return NameClass.None;
}

/** The strongest claim an element's class and id make: content beats comments beats boilerplate. */
function classifyNames(el: Element): NameClass {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (!cls && !id) return NameClass.None;
  const c = cls ? classifyClassList(cls) : NameClass.None;
  if (c === NameClass.Content || c === NameClass.ScreenReaderOnly || !id) return c;
  const i = classifyCached(idCache, id, true);
  // One content token wins: WordPress puts "entry-content" next to layout tokens such as "has-sidebar".
  if (i === NameClass.Content) return NameClass.Content;
  return Math.max(c, i) as NameClass;
}

/**
 * Class and id strings repeat across a page (hundreds of `class="story-body-text"`), so their verdicts are
 * memoized; the caches are cleared when they grow past a bound so a long-lived page cannot bloat them.
 */
const classCache = new Map<string, NameClass>();
const idCache = new Map<string, NameClass>();
const CACHE_MAX = 4000;

function classifyCached(cache: Map<string, NameClass>, key: string, isId: boolean): NameClass {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const v = isId ? classifyToken(key, true) : classifyTokens(key);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, v);
  return v;
}

function classifyClassList(cls: string): NameClass {
  return classifyCached(classCache, cls, false);
}

/** The strongest claim of a class list: content beats comments beats boilerplate. */
function classifyTokens(cls: string): NameClass {
  let out = NameClass.None;
  const tokens = cls.split(/\s+/);
  for (const t of tokens) if (SCREEN_READER_ONLY.test(t)) return NameClass.ScreenReaderOnly;
  for (const t of tokens) {
    if (!t) continue;
    const c = classifyToken(t, false);
    if (c === NameClass.Content) return NameClass.Content;
    if (c > out) out = c;
  }
  return out;
}

/** How an element's subtree is treated when looking for the article text. */
export enum ElementKind {
  /** Ordinary content. */
  Normal = 0,
  /** Never text: scripts, media, controls, hidden or editable elements. */
  Skip = 1,
  /** Site chrome or boilerplate, unless it turns out to hold most of the page's prose. */
  Chrome = 2,
  /** A comment thread: boilerplate however long. */
  Comments = 3,
}

/** Lower-case local name, or '' for nodes without one. */
export function tagOf(el: Element): string {
  const name = el.localName;
  return typeof name === 'string' ? name.toLowerCase() : '';
}

/** Hidden by attribute or inline style; CSS from stylesheets is not consulted (it is slow and absent in Node). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

/** Classifies one element (not its ancestors). `tag` is `tagOf(el)`. */
export function classifyElement(el: Element, tag: string): ElementKind {
  if (SKIP_TAGS.has(tag)) return ElementKind.Skip;
  // Most elements of a story (<p>, <em>, <li>) have no attributes: skip the seven attribute reads.
  if (!el.hasAttributes()) return CHROME_TAGS.has(tag) ? ElementKind.Chrome : ElementKind.Normal;
  if (isHidden(el) || isEditable(el)) return ElementKind.Skip;
  // aria-hidden is chrome, not skipped outright: it hides decorations (remove-aria-hidden "**WRONG**"), but
  // modal scripts also set it on the whole page wrapper while a cookie dialog is open, and the chrome share
  // rule keeps a wrapper that holds most of the text.
  if (el.getAttribute('aria-hidden') === 'true') return ElementKind.Chrome;
  // Body classes describe the whole page ("single-post has-comments"), never one block.
  if (tag === 'body' || tag === 'html') return ElementKind.Normal;
  const names = classifyNames(el);
  if (names === NameClass.ScreenReaderOnly) return ElementKind.Skip;
  // A comment's name beats its tag: the HTML spec's own example marks each comment up as an <article>, and
  // WordPress uses <li class="comment"> (page 002).
  if (names === NameClass.Comments) return ElementKind.Comments;
  if (tag === 'main' || tag === 'article') return ElementKind.Normal;
  if (CHROME_TAGS.has(tag)) return ElementKind.Chrome;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return ElementKind.Chrome;
  return names === NameClass.Boilerplate ? ElementKind.Chrome : ElementKind.Normal;
}

/** A block is a paragraph from 80 weighted characters (see `visibleLength`) with under 30% link text. */
export function isParagraph(length: number, linkLength: number): boolean {
  return length >= 80 && linkLength < 0.3 * length;
}

/**
 * At least three teasers (one or two paragraphs beside a headline or "read more" link) that hold most of
 * the paragraphs: a list of stories (home page, search results, "more stories"), not a story.
 */
export function isTeaserList(teasers: number, paragraphs: number): boolean {
  return teasers >= 3 && teasers * 2 >= paragraphs;
}

export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

/**
 * Length of a string as a reader sees it: whitespace runs count as one, and each CJK character counts 3
 * because one Han/Kana/Hangul character carries about as much as a short Latin word (qq: a full news
 * story is 2,000 characters).
 */
export function visibleLength(s: string): number {
  let n = 0;
  let inSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!inSpace) {
        n++;
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    if (
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0xf900 && c <= 0xfaff)
    ) {
      n += 3;
    } else {
      n++;
    }
  }
  return n;
}

/** What `walkReadable` reports; indexes are the caller's own records, so it keeps no per-node data itself. */
export interface ReadableVisitor {
  /** An element that may hold text, under the element recorded as `parent`; returns its own record index. */
  element(el: Element, tag: string, kind: ElementKind, parent: number): number;
  /** A text (or CDATA) node under the element recorded as `parent`. */
  text(node: CharacterData, parent: number): void;
  /** The subtree of the element recorded as `index` is done (also called for the root, last). */
  leave?(index: number): void;
}

/** Nodes visited between two points where a sliced walk may pause: a clock read per 256 nodes costs nothing. */
const NODES_PER_STEP = 256;

/**
 * Walks `root`'s subtree in document order without recursion (deep pages overflow the stack), skipping
 * elements that can never be text (`classifyElement` → Skip) and everything under them. Detection and
 * extraction both read the page this way, so they agree on what is text. Read-only.
 */
export function walkReadable(root: Element, rootIndex: number, visit: ReadableVisitor): void {
  runSteps(walkReadableSteps(root, rootIndex, visit));
}

/**
 * `walkReadable` as steps: it yields every few hundred nodes, where a sliced run lets the page go on. A page
 * that changes between slices is read as it is when each node is reached; a node removed meanwhile ends the
 * walk of its subtree early (its parent is gone), never the walk's safety.
 */
export function* walkReadableSteps(root: Element, rootIndex: number, visit: ReadableVisitor): Steps<void> {
  const open: number[] = [rootIndex];
  let cur: Node | null = root.firstChild;
  let sinceStep = 0;
  while (cur) {
    if (++sinceStep >= NODES_PER_STEP) {
      sinceStep = 0;
      yield;
    }
    let descended = false;
    const type = cur.nodeType;
    if (type === ELEMENT_NODE) {
      const el = cur as Element;
      const tag = tagOf(el);
      const kind = classifyElement(el, tag);
      if (kind !== ElementKind.Skip) {
        const index = visit.element(el, tag, kind, open[open.length - 1]);
        if (el.firstChild) {
          open.push(index);
          cur = el.firstChild;
          descended = true;
        }
      }
    } else if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      visit.text(cur as CharacterData, open[open.length - 1]);
    }
    if (descended) continue;
    // Next node in document order, climbing out of finished subtrees.
    while (cur && !cur.nextSibling) {
      cur = cur.parentNode;
      if (!cur || cur === root || open.length <= 1) {
        cur = null;
        break;
      }
      const done = open.pop() as number;
      visit.leave?.(done);
    }
    if (cur) cur = cur.nextSibling;
  }
  // Not `visit.leave?.(open.pop())`: an optional call skips evaluating its argument, and the loop never ends.
  for (let i = open.length - 1; i >= 0; i--) visit.leave?.(open[i]);
}
