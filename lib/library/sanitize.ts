/** @module lib/library/sanitize — reader-view HTML made inert (DOMPurify) before the library renders it. */

import createDOMPurify from 'dompurify';

/** The attribute a remote image's address waits in until the reader asks to load images. */
export const HELD_SRC_ATTRIBUTE = 'data-bs-src';

export interface SanitizeOptions {
  /**
   * Load remote images (default false). Backstory is offline and private by default: an image from the
   * article's site is a request that tells the site who reads what, so images are held back (their address
   * kept in `data-bs-src`) until the reader clicks "Show images".
   */
  showImages?: boolean;
}

export interface ReaderSanitizer {
  /** The HTML with scripts, handlers, forms, frames, styles and non-http(s) links removed. */
  sanitize(html: string, options?: SanitizeOptions): string;
}

// Everything that runs, submits, embeds or restyles the page; media that would fetch by itself.
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'svg',
  'math',
  'noscript',
  'template',
  'dialog',
  'portal',
];
// The page's class, id and role (and aria attributes, below) go too: with them a saved page could dress its
// text as the library's own UI, or as an alert read out to a screen reader.
const FORBID_ATTR = [
  'style',
  'srcset',
  'sizes',
  'action',
  'formaction',
  'ping',
  'background',
  'poster',
  'target',
  'class',
  'id',
  'role',
];

/**
 * A sanitizer bound to a window (the library page's, or happy-dom's in tests). One DOMPurify instance of its
 * own, so its hooks touch nothing else.
 */
export function createReaderSanitizer(window: Window | typeof globalThis): ReaderSanitizer {
  const purify = createDOMPurify(window as unknown as Window & typeof globalThis);
  let showImages = false;
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (typeof el.getAttribute !== 'function') return;
    const tag = el.tagName?.toLowerCase();
    if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href !== null && !/^(https?:|mailto:)/i.test(href.trim())) el.removeAttribute('href');
      if (el.hasAttribute('href')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (tag === 'img') {
      const src = el.getAttribute('src');
      el.removeAttribute('src');
      if (src && /^https?:/i.test(src.trim())) {
        el.setAttribute(showImages ? 'src' : HELD_SRC_ATTRIBUTE, src.trim());
        if (!showImages) el.setAttribute('loading', 'lazy');
      }
      el.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  const sanitize = (html: string, options: SanitizeOptions = {}): string => {
    showImages = options.showImages === true;
    return purify.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      SANITIZE_NAMED_PROPS: true,
      KEEP_CONTENT: true,
      RETURN_TRUSTED_TYPE: false,
    }) as unknown as string;
  };
  // DOMPurify hands its input back untouched when it finds no usable DOM (linkedom), and misreads some DOM
  // emulations: check that it really removes a script, a handler and a javascript: link, or refuse to work.
  // The script comes first: a DOM whose node iterator loses its place on a removal skips what follows it.
  const canary = sanitize(
    '<p><script>1</script><img src="x:" onerror="1"><a href="javascript:1">a</a><iframe></iframe></p>',
  );
  if (!purify.isSupported || /onerror|<script|javascript:|<iframe/i.test(canary) || !canary.includes('<p>')) {
    throw new Error('the HTML sanitizer does not work in this environment');
  }
  return { sanitize };
}

/** Loads the held-back images under `root` (the reader clicked "Show images"). Returns how many. */
export function releaseImages(root: ParentNode): number {
  let count = 0;
  for (const img of root.querySelectorAll(`img[${HELD_SRC_ATTRIBUTE}]`)) {
    const src = img.getAttribute(HELD_SRC_ATTRIBUTE) ?? '';
    img.removeAttribute(HELD_SRC_ATTRIBUTE);
    if (/^https?:/i.test(src)) {
      img.setAttribute('src', src);
      count++;
    }
  }
  return count;
}
