/** @module lib/text/tokenize — words with their offsets, and whether a name may run on to the next word. */

import { foldWord, WORD_RE } from './fold';

export interface Token {
  /** Offsets into the original text (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  /** The word as written, possessive removed. */
  raw: string;
  /** The folded form used as a key. */
  folded: string;
  /** True when the first letter is upper case (or a digit). */
  capitalized: boolean;
  /** True when every letter is upper case and there are at least two. */
  allCaps: boolean;
  /** True when the word starts a sentence, a line or a quotation, so its capital says little. */
  sentenceStart: boolean;
  /** True when a name may continue into the next token (only spaces, one line break, a hyphen or an abbreviation dot between). */
  joinsNext: boolean;
}

// Possessive endings split off the word: Iran's, Iran’s, Reuters'.
const POSSESSIVE_RE = /['’](s|S)?$/;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const INNER_GAP_RE = /^[ \t\u00A0\u2009\u202F]*(\r?\n)?[ \t\u00A0\u2009\u202F]*$/;
const HYPHEN_GAP_RE = /^[ \u00A0]?[-\u2010\u2011][ \u00A0]?$/;
const ABBREVIATION_GAP_RE = /^\.[ \u00A0]?$/;
const SENTENCE_END_RE = /(?:[.!?:;"“”‘’'([•|]|\s[–—-])\s*$|\n\s*$/;

/** Splits text into word tokens with offsets and the cues the recognizer reads. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    let raw = m[0];
    const start = m.index;
    const possessive = POSSESSIVE_RE.exec(raw);
    if (possessive && raw.length > possessive[0].length) raw = raw.slice(0, raw.length - possessive[0].length);
    const folded = foldWord(raw);
    if (!folded) continue;
    const letters = raw.replace(/[^\p{L}]/gu, '');
    tokens.push({
      start,
      end: start + raw.length,
      raw,
      folded,
      capitalized: /^[\p{Lu}\p{N}]/u.test(raw),
      allCaps: letters.length >= 2 && !LOWER_RE.test(letters) && UPPER_RE.test(letters),
      sentenceStart: false,
      joinsNext: false,
    });
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const before = text.slice(i > 0 ? tokens[i - 1].end : 0, t.start);
    t.sentenceStart = i === 0 || SENTENCE_END_RE.test(before) || before.includes('\n');
    if (i + 1 < tokens.length) {
      const gap = text.slice(t.end, tokens[i + 1].start);
      t.joinsNext =
        INNER_GAP_RE.test(gap) ||
        HYPHEN_GAP_RE.test(gap) ||
        (ABBREVIATION_GAP_RE.test(gap) && t.raw.length <= 3 && t.capitalized);
    }
  }
  // An abbreviation dot ("U.S. forces", "Gen. Smith") does not start a sentence.
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    if (prev.joinsNext && text[prev.end] === '.') tokens[i].sentenceStart = false;
  }
  return tokens;
}
