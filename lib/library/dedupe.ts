/** @module lib/library/dedupe — the keys that make one article one library entry, however it was reached. */

import { canonicalUrl } from '../url';

/** The two keys a saved article is found by. */
export interface SaveKeys {
  /** The record id: the canonical URL (the page's canonical link when on the same site), as visits use. */
  id: string;
  /** The page's own address without fragment or tracking parameters, ignoring any canonical link. */
  urlKey: string;
}

/**
 * The dedupe keys of a page: saving the same article again finds the earlier save by its canonical URL first,
 * then by its address without tracking parameters (a page that lost or gained its canonical link since).
 */
export function saveKeysOf(url: string, canonical?: string | null): SaveKeys {
  return { id: canonicalUrl(url, canonical), urlKey: canonicalUrl(url) };
}

/** The candidates to look an earlier save up by, most specific first, without repeats. */
export function lookupKeys(keys: SaveKeys): string[] {
  return keys.id === keys.urlKey ? [keys.id] : [keys.id, keys.urlKey];
}
