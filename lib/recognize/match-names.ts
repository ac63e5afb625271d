/** @module lib/recognize/match-names — spans of the text that are names in the knowledge base. */

import { type NameIndex, positionsOf } from '../kb/name-index';
import { isArabicArticle, skeleton } from '../text/fold';
import { NAME_PARTICLES } from '../text/particles';
import type { Token } from '../text/tokenize';
import { COMMON_WORDS } from './common-words';
import type { Candidate } from './types';

/** Lower-case words allowed inside a name: Bank of England, Deir ez-Zor, Abu Bakr al-Baghdadi. */
export const CONNECTORS: ReadonlySet<string> = NAME_PARTICLES;

/**
 * Head nouns of institutions that news writes in lower case after a capitalized name: "the Labour party",
 * "the Kremlin administration"… A name the knowledge base spells with the noun matches either way.
 */
const LOWER_CASE_HEADS = new Set([
  'party',
  'parliament',
  'army',
  'government',
  'council',
  'ministry',
  'university',
  'movement',
  'front',
  'alliance',
  'coalition',
  'union',
  'bank',
  'court',
  'agency',
  'commission',
  'committee',
  'assembly',
  'congress',
  'senate',
  'forces',
  'militia',
  'brigade',
  'brigades',
  'group',
  'company',
  'corporation',
]);

// Words that make a following capitalized common word a place: "in Reading", "near Split".
const LOCATIVE_CUES = new Set(['in', 'near', 'at', 'from', 'to', 'outside', 'of', 'into', 'across', 'around']);
const MIN_SKELETON_CONSONANTS = 4;
const PROMINENT = 0.8;
const COUNTRY_SUBTYPES = new Set(['country', 'territory']);
const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/**
 * Finds every span whose folded words are a knowledge-base name, longest first, left to right.
 * Capitals are required (a name written in lower case is an ordinary word), acronyms must match
 * as written, and everyday words need a cue.
 */
export function matchNames(tokens: Token[], index: NameIndex, text: string): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = longestAt(tokens, i, index, text);
    if (found) {
      out.push(found);
      i = found.tokenEnd;
    } else {
      i++;
    }
  }
  return out;
}

function longestAt(tokens: Token[], i: number, index: NameIndex, text: string): Candidate | null {
  const first = tokens[i];
  // Names start with a capital or an Arabic article: most words are neither, so they cost one test.
  if (!first.capitalized && !isArabicArticle(first.folded)) return null;
  const acronym = acronymAt(tokens, i, index, text);
  // A leading Arabic article may be part of the span but not of the key: al-Hasakeh → Hasakeh. Only
  // al/el stand apart ("Al Qamishli"); at, as, an … are English words unless hyphenated ("at-Tanf").
  const article =
    first.joinsNext &&
    isArabicArticle(first.folded) &&
    (first.folded === 'al' || first.folded === 'el' || text[first.end] === '-');
  if (!first.capitalized && !article) return null;
  const keyStart = article ? [i, i + 1] : [i];
  for (const from of keyStart) {
    let key = '';
    let best: Candidate | null = null;
    for (let j = from; j < tokens.length && j - from < index.maxWords; j++) {
      key = key ? `${key} ${tokens[j].folded}` : tokens[j].folded;
      const positions = positionsOf(index.byKey, key);
      if (positions && acceptable(tokens, i, j, index, positions, text)) {
        best = { start: first.start, end: tokens[j].end, tokenStart: i, tokenEnd: j + 1, positions, via: 'name' };
      }
      if (!tokens[j].joinsNext || !index.prefixes.has(key)) break;
    }
    if (best && (!acronym || best.end >= acronym.end)) return preferDemonym(best, tokens, index);
  }
  if (acronym) return acronym;
  return demonymAt(tokens, i, index) ?? skeletonAt(tokens, keyStart[keyStart.length - 1], i, index);
}

/**
 * A one-word name that is also a demonym is the demonym unless the place is prominent: "Canadian" is
 * Canada's, not the Texas town of Canadian.
 */
function preferDemonym(best: Candidate, tokens: Token[], index: NameIndex): Candidate {
  if (best.tokenEnd - best.tokenStart !== 1) return best;
  if (best.positions.some((p) => (index.entries[p].prominence ?? 0) >= PROMINENT)) return best;
  return demonymAt(tokens, best.tokenStart, index) ?? best;
}

/** "Russian", "Iraqi": a capitalized demonym stands for its country (a place reference for geoparsing). */
function demonymAt(tokens: Token[], i: number, index: NameIndex): Candidate | null {
  const t = tokens[i];
  if (!t.capitalized || t.allCaps || t.raw.length < 3) return null;
  const positions = positionsOf(index.demonyms, t.folded);
  if (!positions) return null;
  return { start: t.start, end: t.end, tokenStart: i, tokenEnd: i + 1, positions, via: 'demonym' };
}

function acronymAt(tokens: Token[], i: number, index: NameIndex, text: string): Candidate | null {
  const t = tokens[i];
  if (t.allCaps || (t.raw.length === 1 && t.capitalized)) {
    // "U.S." is the letters U and S with dots between.
    let j = i;
    let written = t.raw;
    while (tokens[j].raw.length === 1 && text[tokens[j].end] === '.' && tokens[j + 1]?.raw.length === 1) {
      j++;
      written += tokens[j].raw;
    }
    const positions = positionsOf(index.byAcronym, written);
    if (positions) {
      // "U.S." keeps its last dot: it belongs to the abbreviation, as in any style guide.
      const end = j > i && text[tokens[j].end] === '.' ? tokens[j].end + 1 : tokens[j].end;
      return { start: t.start, end, tokenStart: i, tokenEnd: j + 1, positions, via: 'acronym' };
    }
  }
  return null;
}

function skeletonAt(tokens: Token[], keyToken: number, spanStart: number, index: NameIndex): Candidate | null {
  const t = tokens[keyToken];
  if (!t.capitalized || t.allCaps || t.sentenceStart || t.folded.length < 5 || isEveryday(t.folded, index)) return null;
  if (keyToken + 1 < tokens.length && t.joinsNext && tokens[keyToken + 1].capitalized) return null;
  const key = skeleton(t.folded);
  if (key.length < MIN_SKELETON_CONSONANTS) return null;
  // Same consonants and about the same length: Kamishla ~ Qamishli, but not Hisham ~ Hashimiya.
  const hits = index.bySkeleton.get(key)?.filter((h) => Math.abs(h.length - t.folded.length) <= 1);
  if (!hits?.length) return null;
  const positions = [...new Set(hits.map((h) => h.position))];
  return {
    start: tokens[spanStart].start,
    end: t.end,
    tokenStart: spanStart,
    tokenEnd: keyToken + 1,
    positions,
    via: 'skeleton',
  };
}

/**
 * Drops matches that are part of a longer capitalized name the knowledge base does not know:
 * - a place: "David" in "David Campese", "Madrid" in "Real Madrid", "Kyiv" in "Kyiv Post", "Cairns" in
 *   "Mark Cairns" (a given name before a town makes a person, even an everyday one such as "Mark", unless the
 *   place is prominent: "Will Syria respond?");
 * - a person known by a one-word alias, after another given name: "Medvedev" in "Andrei Medvedev" is not
 *   Dmitry Medvedev.
 * The neighbour must be a capitalized word that is not everyday English, not a title and not covered by
 * another match.
 */
export function dropInsideLongerNames(candidates: Candidate[], tokens: Token[], index: NameIndex): Candidate[] {
  const covered = new Uint8Array(tokens.length);
  for (const c of candidates) covered.fill(1, c.tokenStart, c.tokenEnd);
  const looksLikeNamePart = (k: number) => {
    const t = tokens[k];
    return (
      t !== undefined &&
      covered[k] === 0 &&
      t.capitalized &&
      !t.allCaps &&
      !/^\p{N}/u.test(t.raw) &&
      !isEveryday(t.folded, index) &&
      !index.demonyms.has(t.folded) &&
      !MONTHS.has(t.folded)
    );
  };
  const isGivenNameBefore = (c: Candidate) => {
    const k = c.tokenStart - 1;
    const t = tokens[k];
    return t !== undefined && covered[k] === 0 && t.joinsNext && !t.allCaps && index.givenNames.has(t.folded);
  };
  return candidates.filter((c) => {
    const entries = c.positions.map((p) => index.entries[p]);
    if (entries.every((e) => e.kind === 'person')) {
      return !(c.tokenEnd - c.tokenStart === 1 && isGivenNameBefore(c));
    }
    if (!entries.every((e) => e.kind === 'place')) return true;
    const before = c.tokenStart - 1;
    const after = c.tokenEnd;
    const joinedBefore = before >= 0 && tokens[before].joinsNext && looksLikeNamePart(before);
    const joinedAfter = tokens[after - 1].joinsNext && looksLikeNamePart(after);
    const prominent = entries.some((e) => (e.prominence ?? 0) >= PROMINENT);
    return !(joinedBefore || joinedAfter || (!prominent && isGivenNameBefore(c)));
  });
}

/** True for a folded word of everyday English ("reading", "republic") or of news pages ("updated"). */
export function isEveryday(folded: string, index: NameIndex): boolean {
  return COMMON_WORDS.has(folded) || index.everyday.has(folded);
}

/**
 * A lower-case last word a name may still end with: an institution's head noun after a capitalized name ("the
 * Labour party"), but not after a nationality or a country ("Syrian army", "Iraq government" are the country's,
 * told by the demonym); or the lower-case half of a hyphenated given name ("Moon Jae-in", "Kim Jong-un").
 */
function lowerCaseEndAllowed(tokens: Token[], i: number, j: number, index: NameIndex, text: string): boolean {
  const previous = tokens[j - 1];
  if (j <= i || previous === undefined || !previous.capitalized) return false;
  if (text[previous.end] === '-' && tokens[j].start === previous.end + 1) return true;
  return (
    LOWER_CASE_HEADS.has(tokens[j].folded) &&
    !index.demonyms.has(tokens[i].folded) &&
    !positionsOf(index.byKey, tokens[i].folded)?.some((p) => COUNTRY_SUBTYPES.has(index.entries[p].subtype))
  );
}

/** Capitalization and everyday-word checks for the span tokens[i..j]. */
function acceptable(
  tokens: Token[],
  i: number,
  j: number,
  index: NameIndex,
  positions: number[],
  text: string,
): boolean {
  // The last word carries a capital; so does the first, unless it is a connector or an article ("al-Qamishli").
  // Lower-case words inside are fine: the knowledge base spells its names ("Kurdish region of Iraq").
  if (!tokens[j].capitalized && !lowerCaseEndAllowed(tokens, i, j, index, text)) return false;
  if (!tokens[i].capitalized && !CONNECTORS.has(tokens[i].folded)) return false;
  const last = tokens[j];
  const single = i === j || (i + 1 === j && isArabicArticle(tokens[i].folded));
  // Months never name places, whatever precedes them ("in March").
  if (single && MONTHS.has(last.folded)) return false;
  // Given names ("Allen", "Victoria", "Paul") are towns too, but a bare one in news is mostly a person.
  if (!single || !(isEveryday(last.folded, index) || index.givenNames.has(last.folded))) return true;
  // An everyday word such as "Nice" or "Reading": only mid-sentence, and only with a cue or a prominent
  // entry; at a sentence start or in capitals only a country ("China said", "TURKEY") is believable.
  if (last.sentenceStart || last.allCaps) {
    return positions.some(
      (p) => COUNTRY_SUBTYPES.has(index.entries[p].subtype) && (index.entries[p].prominence ?? 0) >= PROMINENT,
    );
  }
  const before = tokens[i - 1];
  if (before && LOCATIVE_CUES.has(before.folded)) return true;
  return positions.some((p) => (index.entries[p].prominence ?? 0) >= PROMINENT);
}
