/** @module lib/settings/highlight-sites — the sites where the reader turned highlighting off. */

import { storage } from 'wxt/utils/storage';

/**
 * Host names (without "www.") where highlighting is off. A small setting, so `storage.local`, not IndexedDB
 * (house rule 11). Defined without migrations, so importing this module touches no browser API.
 */
export const highlightOffSites = storage.defineItem<string[]>('local:highlightOffSites', {
  fallback: [],
  version: 1,
});

/** Most sites a reader is expected to turn off; past this the oldest are forgotten, to bound the stored list. */
export const MAX_OFF_SITES = 2_000;

/** True unless the reader turned highlighting off on `site`. */
export function isSiteHighlighted(offSites: readonly string[], site: string): boolean {
  return !offSites.includes(site);
}

/** The list with `site` turned on (removed) or off (added last), without duplicates. */
export function withSiteHighlighting(offSites: readonly string[], site: string, on: boolean): string[] {
  const rest = offSites.filter((s) => s !== site);
  if (on) return rest;
  rest.push(site);
  return rest.length > MAX_OFF_SITES ? rest.slice(rest.length - MAX_OFF_SITES) : rest;
}

/** Turns highlighting on or off for a whole site; tabs showing it follow through `highlightOffSites.watch`. */
export async function setSiteHighlighting(site: string, on: boolean): Promise<void> {
  const current = await highlightOffSites.getValue();
  const next = withSiteHighlighting(current, site, on);
  if (next.length !== current.length || next.some((s, i) => s !== current[i])) await highlightOffSites.setValue(next);
}
