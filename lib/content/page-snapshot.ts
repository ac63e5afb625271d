/** @module lib/content/page-snapshot — the page as it is now, for saving it to the library. */

import type { PageSnapshot } from '../messages';

/** The page as it is now, for saving: the live DOM serialized, its canonical link and language. */
export function snapshotPage(doc: Document, url: string): PageSnapshot {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || undefined;
  return {
    url,
    canonical,
    title: doc.title,
    html: doc.documentElement.outerHTML,
    lang: doc.documentElement.lang || undefined,
  };
}
