/** @module lib/country-name — a country's English name from its ISO 3166-1 alpha-2 code, for cards and the panel. */

let regionNames: Intl.DisplayNames | null | undefined;

/** "SY" → "Syria", in English; the code itself when the runtime has no region names. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
