/** @module lib/url — the canonical form of an article's address, so one article is one record. */

// Parameters that only say where a click came from.
const TRACKING_PARAMS =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|smid|cmpid|ocid|at_medium|at_campaign)$/i;

/**
 * The address without fragment, tracking parameters or a trailing slash on the path.
 * A `canonical` link from the page wins when it is on the same site.
 */
export function canonicalUrl(url: string, canonicalLink?: string | null): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (canonicalLink) {
    try {
      const canonical = new URL(canonicalLink, parsed);
      if (canonical.hostname === parsed.hostname && /^https?:$/.test(canonical.protocol)) parsed = canonical;
    } catch {
      // A malformed canonical link is ignored: the page's own address still identifies it.
    }
  }
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) parsed.searchParams.delete(key);
  }
  parsed.searchParams.sort();
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) parsed.pathname = parsed.pathname.slice(0, -1);
  return parsed.toString();
}

/** The site's host name without a leading "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
