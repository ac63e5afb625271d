/** @module lib/library/reader-copy — the saved copy of a page: Readability's reader view, its text and metadata. */

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isBlockTag } from '../extract/node-filters';
import { MENTION_TAG, UI_TAG } from '../highlight/highlight';
import type { PageSnapshot } from '../messages';

/** Longest plain text kept (as the article service cuts analyzed text): a 2 MB page is not one article. */
export const MAX_SAVED_TEXT = 400_000;
/** Longest reader HTML kept; a page past it is refused rather than cut mid-tag. */
export const MAX_SAVED_HTML = 3_000_000;

/** What a saved page holds beside the visit record: the reader view and what Readability found about it. */
export interface ReaderCopy {
  title: string;
  /** Readability's article HTML. Untrusted: sanitize (lib/library/sanitize.ts) before rendering. */
  html: string;
  /** Plain text of the reader view, paragraphs separated by blank lines. */
  text: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
  lang?: string;
  imageUrl?: string;
  excerpt?: string;
}

/**
 * Builds the reader copy of a page snapshot. The snapshot is the live DOM, so our own `<bs-mention>` wrappers
 * (their text kept) and `<bs-ui>` elements are removed first; relative links and images are made absolute,
 * since the copy is shown from another origin. Parses with linkedom, so it runs in a service worker (no
 * DOMParser there) and in Node. Throws when Readability finds no article in the page.
 */
export function readerCopyOf(snapshot: PageSnapshot): ReaderCopy {
  if (typeof snapshot?.html !== 'string' || typeof snapshot.url !== 'string') throw new Error('bad page snapshot');
  const { document } = parseHTML(withoutInertBlocks(snapshot.html));
  for (const ui of [...document.querySelectorAll(UI_TAG)]) ui.remove();
  for (const mention of [...document.querySelectorAll(MENTION_TAG)]) {
    mention.replaceWith(...mention.childNodes);
  }
  absolutizeUrls(document, snapshot.url);
  const imageUrl = leadImage(document, snapshot.url);
  const parsed = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  if (!parsed?.content) throw new Error('no article found on this page: Backstory can only save articles');
  if (parsed.content.length > MAX_SAVED_HTML) throw new Error('this page is too large to save');
  const text = plainTextOf(parsed.content).slice(0, MAX_SAVED_TEXT);
  const title = (parsed.title || snapshot.title || snapshot.url).trim().slice(0, 500);
  const copy: ReaderCopy = { title, html: parsed.content, text };
  const byline = clean(parsed.byline);
  if (byline) copy.byline = byline;
  const siteName = clean(parsed.siteName);
  if (siteName) copy.siteName = siteName;
  const publishedAt = clean(parsed.publishedTime);
  if (publishedAt) copy.publishedAt = publishedAt;
  const lang = clean(parsed.lang) ?? clean(snapshot.lang);
  if (lang) copy.lang = lang;
  if (imageUrl) copy.imageUrl = imageUrl;
  const excerpt = clean(parsed.excerpt);
  if (excerpt) copy.excerpt = excerpt.slice(0, 500);
  return copy;
}

/**
 * The HTML without scripts (except JSON-LD, where Readability reads the byline and date), styles, templates,
 * comments and inline SVG: none of it is article text, and on news pages it is often most of the bytes, which
 * linkedom would otherwise parse into nodes and Readability walk (citylab-1: 174 kB → 63 kB, 4× faster).
 * Cutting by pattern can only lose text, never add markup: the copy is sanitized again before display.
 */
export function withoutInertBlocks(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<svg\b[\s\S]*?<\/svg\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v.slice(0, 300) : undefined;
}

/** The absolute http(s) form of `value` against `base`, or null (javascript:, data:, malformed). */
export function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function absolutizeUrls(document: ParentNode, base: string): void {
  for (const a of [...document.querySelectorAll('a[href]')]) {
    const href = a.getAttribute('href') ?? '';
    // In-page anchors would point at the library page; drop them rather than link to nowhere.
    const absolute = href.startsWith('#') ? null : absoluteHttpUrl(href, base);
    if (absolute) a.setAttribute('href', absolute);
    else a.removeAttribute('href');
  }
  for (const img of [...document.querySelectorAll('img')]) {
    const src = absoluteHttpUrl(img.getAttribute('src'), base);
    if (src) img.setAttribute('src', src);
    else img.removeAttribute('src');
    img.removeAttribute('srcset');
  }
}

function leadImage(document: ParentNode, base: string): string | undefined {
  const meta = document.querySelector(
    'meta[property="og:image"], meta[name="og:image"], meta[name="twitter:image"], meta[property="twitter:image"]',
  );
  return absoluteHttpUrl(meta?.getAttribute('content'), base) ?? undefined;
}

/** The text of reader HTML: blocks separated by blank lines, runs of spaces collapsed. */
export function plainTextOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).localName.toLowerCase();
        if (tag === 'script' || tag === 'style') continue;
        if (tag === 'br') line += ' ';
        const block = isBlockTag(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(document.body as unknown as Node);
  flush();
  return parts.join('\n\n');
}
