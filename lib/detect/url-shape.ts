/** @module lib/detect/url-shape — what a URL's shape says about a page: home, search, listing, shop or article. */

export type UrlKind = 'home' | 'search' | 'listing' | 'shop' | 'article' | 'unknown';

export interface UrlShape {
  kind: UrlKind;
  /** Short human-readable cue, e.g. "url /search". */
  reason: string;
}

/** Query parameters that carry a search query. */
const SEARCH_PARAMS = ['q', 'query', 's', 'search', 'searchterm', 'keywords', 'k', 'text'];
/** Path segments of search pages. */
const SEARCH_SEGMENTS = new Set(['search', 'suche', 'recherche', 'buscar', 'busca', 'cerca', 'zoeken', 'szukaj']);
/** Path segments that introduce a list of articles rather than one. */
const LISTING_SEGMENTS = new Set([
  'tag',
  'tags',
  'topic',
  'topics',
  'category',
  'categories',
  'section',
  'sections',
  'author',
  'authors',
  'archive',
  'archives',
  'latest',
  'page',
  'feed',
  'label',
  'labels',
  'profile',
  'people',
  'user',
  'users',
]);
/** Path segments of shop pages. */
const SHOP_SEGMENTS = new Set(['product', 'products', 'shop', 'cart', 'basket', 'checkout', 'dp']);
/** Home-page file names. */
const INDEX_FILES = /^(?:index|default|home)\.(?:html?|php|aspx?|jsp)$/i;

/**
 * Classifies a URL by its shape only. Unknown or unparsable URLs (and `file:`/`about:` pages) give
 * 'unknown', so they neither help nor hurt.
 */
export function urlShape(url: string | undefined): UrlShape {
  if (!url) return { kind: 'unknown', reason: '' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'unknown', reason: '' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { kind: 'unknown', reason: '' };
  const segments = u.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    });

  for (const p of SEARCH_PARAMS) {
    const v = u.searchParams.get(p);
    if (v !== null && v.trim().length > 0) return { kind: 'search', reason: `url ?${p}=` };
  }
  if (segments.some((s) => SEARCH_SEGMENTS.has(s))) return { kind: 'search', reason: 'url /search' };
  if (segments.length === 0 || (segments.length === 1 && INDEX_FILES.test(segments[0]))) {
    return { kind: 'home', reason: 'url is the home page' };
  }
  const last = segments[segments.length - 1];
  // A dated path (/2024/05/12/slug, /2024/05/slug, the Guardian's /2024/sep/16/slug) is how news sites file
  // single stories.
  const dated = /\/(?:19|20)\d\d\/(?:0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\//.test(
    `${u.pathname.toLowerCase()}/`,
  );
  // A slug of four or more words, or a long numeric id, names one item: /world/europe-floods-leave-12-dead.
  const slugWords = last
    .replace(/\.[a-z]{2,5}$/, '')
    .split(/[-_+]+/)
    .filter((w) => /[a-z\p{L}]/u.test(w));
  const slug = slugWords.length >= 4;
  const longId = /\d{6,}/.test(last);
  if (segments.some((s) => SHOP_SEGMENTS.has(s)) && !dated && !slug) return { kind: 'shop', reason: 'url /product' };
  // /tag/x, /category/x, /author/x and a trailing /page/2 are lists of stories; a slug after them is not.
  let listingAt = -1;
  for (let i = segments.length - 1; i >= 0 && listingAt < 0; i--) if (LISTING_SEGMENTS.has(segments[i])) listingAt = i;
  if (listingAt >= 0 && segments.length - listingAt <= 2 && !slug && !longId) {
    return { kind: 'listing', reason: `url /${segments[listingAt]}/` };
  }
  if (dated || slug || longId) {
    return { kind: 'article', reason: dated ? 'url has a date' : slug ? 'url has a slug' : 'url has an id' };
  }
  return { kind: 'unknown', reason: '' };
}
