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

/** Country names read with "the": "Prime Minister of the United Kingdom", "President of the Philippines". */
export function ofCountry(name: string): string {
  const the =
    /\b(?:United|Republic|Islands|Kingdom|States|Emirates|Federation)\b/.test(name) ||
    /^(?:Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Vatican City)$/.test(name);
  return the && !name.startsWith('the ') ? `the ${name}` : name;
}
