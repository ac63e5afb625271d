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
// A hyphen joins with a space on one side at most ("Bosnia- Herzegovina" across a line break); spaced on both
// sides it is a dash between two names ("Romania - Cosmin Contra"), as wire copy writes it.
const HYPHEN_GAP_RE = /^(?:[-\u2010\u2011][ \u00A0]?|[ \u00A0][-\u2010\u2011])$/;
const ABBREVIATION_GAP_RE = /^\.[ \u00A0]?$/;
const SENTENCE_END_RE = /(?:[.!?:;"“”‘’'([•|]|\s[–—-])\s*$|\n\s*$/;

/** Whether one of the last two characters is an apostrophe ("Kyiv's", "Reuters'"). */
function mayBePossessive(raw: string): boolean {
  const last = raw.charCodeAt(raw.length - 1);
  const before = raw.charCodeAt(raw.length - 2);
  return last === 39 || last === 0x2019 || before === 39 || before === 0x2019;
}

function isCapitalized(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 128) return false;
  return /^[\p{Lu}\p{N}]/u.test(raw);
}

/** Every letter upper case, at least two letters: IRGC, U (no), NATO's stem. */
function isAllCaps(raw: string): boolean {
  let letters = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (c >= 97 && c <= 122) return false;
    else if (c >= 128) {
      const ch = raw[i];
      if (LOWER_RE.test(ch)) return false;
      if (UPPER_RE.test(ch)) letters++;
    }
  }
  return letters >= 2;
}

/** Splits text into word tokens with offsets and the cues the recognizer reads. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // exec with lastIndex rather than matchAll: no iterator, and most words need no possessive test (their
  // last two characters hold no apostrophe). This loop is the largest single cost of an analysis.
  const words = new RegExp(WORD_RE.source, 'gu');
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    let raw = m[0];
    const start = m.index;
    if (mayBePossessive(raw)) {
      const possessive = POSSESSIVE_RE.exec(raw);
      if (possessive && raw.length > possessive[0].length) raw = raw.slice(0, raw.length - possessive[0].length);
    }
    const folded = foldWord(raw);
    if (!folded) continue;
    tokens.push({
      start,
      end: start + raw.length,
      raw,
      folded,
      capitalized: isCapitalized(raw),
      allCaps: isAllCaps(raw),
      sentenceStart: false,
      joinsNext: false,
    });
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const beforeStart = i > 0 ? tokens[i - 1].end : 0;
    // A single space, by far the most common gap, neither ends a sentence nor stops a name.
    if (t.start - beforeStart === 1 && text[beforeStart] === ' ') {
      t.sentenceStart = i === 0;
    } else {
      const before = text.slice(beforeStart, t.start);
      t.sentenceStart = i === 0 || SENTENCE_END_RE.test(before) || before.includes('\n');
    }
    if (i + 1 < tokens.length) {
      const next = tokens[i + 1].start;
      if (next - t.end === 1 && text[t.end] === ' ') {
        t.joinsNext = true;
        continue;
      }
      const gap = text.slice(t.end, next);
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
