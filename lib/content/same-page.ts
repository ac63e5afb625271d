/** @module lib/content/same-page — whether a URL change is a new page (an SPA navigation) or a jump inside one. */

/**
 * True when `a` and `b` address the same document: they differ at most in the fragment (`#section`), which
 * moves within a page and must not re-run the reading flow. Unparsable URLs compare as strings.
 */
export function isSamePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    x.hash = '';
    y.hash = '';
    return x.href === y.href;
  } catch {
    return a === b;
  }
}
