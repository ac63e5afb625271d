/** @module lib/detect/page-metadata — what a page says about itself: schema.org JSON-LD types, Open Graph, title. */

export interface PageMetadata {
  /** Page-level schema.org types from JSON-LD: top-level items, `@graph` members and `mainEntity`. */
  ldTypes: string[];
  /** `og:type`, lower-cased, or '' when absent. */
  ogType: string;
  /** Has `article:published_time` or an `itemprop="datePublished"`. */
  published: boolean;
  title: string;
}

/** Types that say "this page is one article". */
export const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'askpublicquestionarticle',
  'satiricalarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
  'techarticle',
]);

/** Types that say "this page lists or sells things". */
export const LISTING_TYPES = new Set([
  'collectionpage',
  'searchresultspage',
  'itemlist',
  'product',
  'productgroup',
  'offer',
  'aggregateoffer',
  'store',
  'onlinestore',
  'profilepage',
  'checkoutpage',
]);

/** JSON-LD blocks larger than this are not parsed (some sites inline whole catalogues); the regex still runs. */
const MAX_LD_CHARS = 500_000;
const TYPE_PATTERN = /"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g;

function addTypes(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value.replace(/^.*[/#]/, '').toLowerCase());
  else if (Array.isArray(value)) for (const v of value) addTypes(v, out);
}

/** Collects the types of the page-level items of one parsed JSON-LD value (not of nested listings' members). */
function collectTypes(value: unknown, out: Set<string>, depth: number): void {
  if (depth > 3 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectTypes(v, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  addTypes(obj['@type'], out);
  if (obj['@graph'] !== undefined) collectTypes(obj['@graph'], out, depth + 1);
  // A WebPage whose main entity is the article: guardian-1 style markup.
  if (obj.mainEntity !== undefined) collectTypes(obj.mainEntity, out, depth + 1);
}

function typesFromScript(json: string, out: Set<string>): void {
  if (json.length > MAX_LD_CHARS) return;
  try {
    collectTypes(JSON.parse(json), out, 0);
  } catch {
    // Broken JSON-LD is common (trailing commas, raw newlines in strings): fall back to the "@type" values.
    for (const m of json.matchAll(TYPE_PATTERN)) {
      const raw = m[1];
      for (const t of raw.match(/"[^"]*"/g) ?? []) addTypes(t.slice(1, -1), out);
    }
  }
}

function cleanTitle(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Reads the page's own claims about itself. Never throws; missing parts are empty. */
export function readMetadata(doc: Document): PageMetadata {
  const types = new Set<string>();
  let ogType = '';
  let published = false;
  let title = '';
  let ogTitle = '';
  try {
    // getElementsByTagName rather than attribute selectors: one cheap scan each, in browsers and in linkedom.
    for (const script of doc.getElementsByTagName('script')) {
      if ((script.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') {
        typesFromScript(script.textContent ?? '', types);
      }
    }
    for (const meta of doc.getElementsByTagName('meta')) {
      const key = meta.getAttribute('property') ?? meta.getAttribute('name');
      if (!key) continue;
      const content = (meta.getAttribute('content') ?? '').trim();
      if (key === 'og:type' && !ogType) ogType = content.toLowerCase();
      else if (key === 'og:title' && !ogTitle) ogTitle = cleanTitle(content);
      else if (key === 'article:published_time' && content) published = true;
    }
    if (!published) published = doc.querySelector('[itemprop="datePublished"]') !== null;
    title =
      ogTitle ||
      cleanTitle(doc.getElementsByTagName('title')[0]?.textContent ?? '') ||
      cleanTitle(doc.getElementsByTagName('h1')[0]?.textContent ?? '');
  } catch {
    // A document without a root element makes some DOM implementations throw.
  }
  return { ldTypes: [...types], ogType, published, title };
}
