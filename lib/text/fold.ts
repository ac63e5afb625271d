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

const ASCII_WORD_RE = /^[A-Za-z0-9]*$/;
const ASCII_NAME_RE = /^[A-Za-z0-9 .,'()-]*$/;

/** Apostrophes, ayin/hamza marks and soft hyphens vanish inside names: Ma'arib = Maarib, Sana‘a = Sanaa. */
const DROPPED_RE = /[\u00AD\u02BB\u02BC\u02BE\u02BF\u2018\u2019'`´]/g;

/**
 * Folds one word: lower case, no diacritics, no apostrophes.
 * "Ḩasakah" → "hasakah", "Kyiv’s" → "kyivs" (callers split possessives before folding).
 */
export function foldWord(word: string): string {
  // Most words of English news are plain ASCII letters: skip Unicode normalization for them.
  if (ASCII_WORD_RE.test(word)) return word.toLowerCase();
  return word
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(DROPPED_RE, '')
    .toLowerCase();
}

/** Splits a name into folded words: "Deir ez-Zor" → ["deir", "ez", "zor"], "U.S." → ["u", "s"]. */
export function foldedWords(name: string): string[] {
  // Plain ASCII names (most aliases) split without the Unicode word pattern.
  if (ASCII_NAME_RE.test(name))
    return name
      .toLowerCase()
      .replace(/'/g, '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
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
 * One pass over the letters, since it runs for every unmatched capitalized word.
 */
export function skeleton(word: string): string {
  let w = word;
  if ((w.startsWith('al') || w.startsWith('el')) && w.length >= 6) w = w.slice(2);
  let out = '';
  let last = '';
  for (let i = 0; i < w.length; i++) {
    let c = w[i];
    const next = w[i + 1];
    if (c === 'q') c = 'k';
    else if (c === 'c') {
      if (next === 'k') i++;
      c = next === 'e' || next === 'i' || next === 'y' ? 's' : 'k';
    } else if (c === 'p' && next === 'h') {
      c = 'f';
      i++;
    } else if (c === 'k' && next === 'h') {
      c = 'h';
      i++;
    } else if ((c === 'd' || c === 't') && next === 'h') {
      c = 'd';
      i++;
    } else if (c === 'o' && (next === 'u' || next === 'o')) {
      c = 'u';
      i++;
    } else if (c === 'w') c = 'v';
    else if (c === 'y') c = 'i';
    else if (c === 'z') c = 's';
    const vowel = c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
    if (out.length > 0 && vowel) continue;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}
