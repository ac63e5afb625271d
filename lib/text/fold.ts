/** @module lib/text/fold — Unicode folding and transliteration-tolerant keys for matching names. */

// Letters that NFD does not decompose into a base letter plus a mark.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/** Apostrophes, ayin/hamza marks and soft hyphens vanish inside names: Ma'arib = Maarib, Sana‘a = Sanaa. */
const DROPPED_RE = /[\u00AD\u02BB\u02BC\u02BE\u02BF\u2018\u2019'`´]/g;

/**
 * Folds one word: lower case, no diacritics, no apostrophes.
 * "Ḩasakah" → "hasakah", "Kyiv’s" → "kyivs" (callers split possessives before folding).
 */
export function foldWord(word: string): string {
  return word
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(DROPPED_RE, '')
    .toLowerCase();
}

/** Splits a name into folded words: "Deir ez-Zor" → ["deir", "ez", "zor"], "U.S." → ["u", "s"]. */
export function foldedWords(name: string): string[] {
  const out: string[] = [];
  for (const m of name.matchAll(WORD_RE)) {
    const w = foldWord(m[0]);
    if (w) out.push(w);
  }
  return out;
}

/** The matching key of a name: its folded words joined by single spaces. */
export function foldKey(name: string): string {
  return foldedWords(name).join(' ');
}

/**
 * A word as the tokenizer sees it: letters, digits, and the marks that live inside names
 * (apostrophes such as Ma'arib, soft hyphens, combining accents).
 */
export const WORD_RE = /[\p{L}\p{N}\p{M}\u00AD][\p{L}\p{N}\p{M}\u00AD\u02BB\u02BC\u02BE\u02BF'’]*/gu;

// Arabic article forms written before a name: al-Hasakah, el-Arish, ad-Dawr, ash-Sham, az-Zawr.
const ARTICLES = new Set(['al', 'el', 'ad', 'ed', 'ar', 'as', 'ash', 'at', 'az', 'adh', 'an', 'ath', 'ul']);

/** True for a folded word that is an Arabic definite article (al, el, ash …). */
export function isArabicArticle(word: string): boolean {
  return ARTICLES.has(word);
}

/**
 * A consonant skeleton of a folded word, tolerant of the vowel and q/k, c/k, ph/f variation
 * of transliterations: Kamishli, Qamishli and Kamishla → "kmshl". Used only as a weak fallback.
 */
export function skeleton(word: string): string {
  const w = word
    .replace(/^(al|el)(?=[a-z]{4})/, '')
    .replace(/q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ck|c/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/dh|th/g, 'd')
    .replace(/ou|oo/g, 'u')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/z/g, 's');
  const first = w[0] ?? '';
  const rest = w.slice(1).replace(/[aeiou]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}
