/** @module lib/recognize/unknown-names — names the knowledge base does not know, typed by the words around them. */

import { type NameIndex, positionsOf } from '../kb/name-index';
import type { EntityKind } from '../kb/types';
import { foldedWords } from '../text/fold';
import type { Token } from '../text/tokenize';
import { COMMON_WORDS } from './common-words';
import { CONNECTORS, isEveryday } from './match-names';

/** An unknown name and the kind its cue gives. */
export interface UnknownName {
  start: number;
  end: number;
  kind: EntityKind;
  confidence: number;
}

// "X base", "X military base", "the X region": the noun after a name says it is a place.
const PLACE_NOUNS_AFTER = new Set([
  'base',
  'airbase',
  'airport',
  'airfield',
  'region',
  'province',
  'governorate',
  'district',
  'camp',
  'field',
  'river',
  'valley',
  'crossing',
  'village',
  'town',
  'neighbourhood',
  'neighborhood',
  'county',
  'mountains',
  'desert',
]);
// "base X", "the town of X": the noun before a name.
const PLACE_NOUNS_BEFORE = new Set(['base', 'town', 'village', 'city', 'province', 'region', 'camp']);
// Titles before a person's name.
const PERSON_TITLES = new Set([
  'president',
  'minister',
  'gen',
  'general',
  'col',
  'colonel',
  'lt',
  'maj',
  'major',
  'capt',
  'captain',
  'commander',
  'ayatollah',
  'sheikh',
  'mr',
  'mrs',
  'ms',
  'dr',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'secretary',
  'senator',
  'sen',
  'rep',
  'king',
  'queen',
  'prince',
  'princess',
  'judge',
  'pope',
  'imam',
  'cleric',
  'ambassador',
  'envoy',
  'chancellor',
  'premier',
  'governor',
  'mayor',
  'leader',
  'chief',
  'director',
  'lawmaker',
  'adm',
  'admiral',
  'sgt',
]);
// Last words of organization names.
const ORGANIZATION_ENDINGS = new Set([
  'ministry',
  'party',
  'forces',
  'army',
  'group',
  'corp',
  'corporation',
  'inc',
  'ltd',
  'company',
  'agency',
  'council',
  'committee',
  'front',
  'brigades',
  'brigade',
  'movement',
  'organization',
  'organisation',
  'union',
  'bank',
  'university',
  'institute',
  'association',
  'authority',
  'commission',
  'court',
  'department',
  'guards',
  'militia',
  'federation',
  'foundation',
  'news',
  'times',
  'post',
  'network',
  'airlines',
  'airways',
  'police',
  'service',
]);
// First words of organization names: "Ministry of Defence", "Bank of England".
const ORGANIZATION_STARTS = new Set(['ministry', 'department', 'bank', 'university', 'office', 'council', 'house']);
const PLACE_ENDINGS = new Set([
  'island',
  'islands',
  'river',
  'lake',
  'mountain',
  'mountains',
  'bay',
  'valley',
  'sea',
  'gulf',
  'strait',
  'peninsula',
  'desert',
  'coast',
  'province',
  'county',
  'district',
  'governorate',
  'square',
  'street',
  'avenue',
  'road',
  'bridge',
  'airport',
  'harbour',
  'harbor',
  'canal',
  'dam',
  'hills',
  'heights',
  'falls',
  'creek',
  'beach',
  'cape',
  'port',
]);
const SURNAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'di',
  'da',
  'del',
  'della',
  'le',
  'la',
  'du',
  'mac',
  'mc',
  'bin',
  'ibn',
  'abu',
  'ben',
  'o',
]);
// Words that make a name a state or territory.
const POLITY_WORDS = new Set([
  'republic',
  'kingdom',
  'emirate',
  'emirates',
  'caliphate',
  'sultanate',
  'principality',
  'commonwealth',
  'empire',
  'confederation',
]);
/** Capitalized words that start a sentence, never an organization's name ("The", "Then", "But"). */
const LEADING_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'then', 'but', 'and', 'so', 'yet', 'when', 'while', 'if']);
const VERBS_OF_SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'announced', 'warned', 'wrote']);

/**
 * Capitalized runs that no knowledge-base name covered, kept only when a cue gives their kind.
 * `covered[i]` is true for tokens already inside a knowledge-base match.
 */
export function findUnknownNames(tokens: Token[], covered: boolean[], index: NameIndex): UnknownName[] {
  const out: UnknownName[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (covered[i] || !startsName(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && tokens[j].joinsNext && !covered[j + 1] && continues(tokens, j + 1, index)) {
      // "Jamie Werner of Ngātiwai": a person's name does not run on over "of"; "Bank of England" does.
      if (tokens[j + 1].folded === 'of' && index.givenNames.has(tokens[i].folded)) break;
      j++;
    }
    // A connector never ends a name: "Bank of" → "Bank".
    while (j > i && !tokens[j].capitalized) j--;
    for (const [from, to] of splitAtTitle(tokens, i, j)) {
      const name = typedName(tokens, from, to, index);
      if (name) out.push(name);
    }
    i = j + 1;
  }
  return out;
}

/**
 * A title inside a run separates an organization from the person holding the title: "World Boxing
 * Association President Ramon Manzanares", "Bank of England Governor Andrew Bailey". Split only when two
 * words or more follow the title, so "Martin Luther King Jr" stays whole.
 */
function splitAtTitle(tokens: Token[], i: number, j: number): [number, number][] {
  for (let k = i + 1; k + 2 <= j; k++) {
    if (tokens[k].capitalized && PERSON_TITLES.has(tokens[k].folded))
      return [
        [i, k - 1],
        [k + 1, j],
      ];
  }
  return [[i, j]];
}

/** The unknown name in tokens[i..j], trimmed of leading words that are not part of it, with its kind. */
function typedName(tokens: Token[], i: number, j: number, index: NameIndex): UnknownName | null {
  let start = i;
  if (!organizationCue(tokens, start, j)) {
    // "The Hemo base", "President Jane Doe": leading everyday words and titles are not the name.
    while (start < j && leadingNonName(tokens[start], index)) start++;
  } else {
    // An organization keeps its own everyday words ("National Security Council") but not "The" or "Then".
    while (start < j && LEADING_FUNCTION_WORDS.has(tokens[start].folded)) start++;
  }
  const kind = cueKind(tokens, start, j) ?? shapeKind(tokens, start, j, index);
  if (!kind || onlyEverydayWords(tokens, start, j, index)) return null;
  return { start: tokens[start].start, end: tokens[j].end, kind: kind.kind, confidence: kind.confidence };
}

/**
 * Unknown acronyms in running text name organizations far more often than anything else (USDA, NYMEX,
 * NHL). Not in an all-capitals line (a headline or a table), not a Roman numeral, not everyday English.
 */
export function findUnknownAcronyms(tokens: Token[], covered: boolean[], index: NameIndex): UnknownName[] {
  const out: UnknownName[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (covered[k] || !t.allCaps || t.raw.length < 2 || t.raw.length > 6 || !/^\p{Lu}+$/u.test(t.raw)) continue;
    if (ROMAN_NUMERAL_RE.test(t.raw) || isEveryday(t.folded, index) || UNITS.has(t.raw)) continue;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    // Inside a run of capitals (a headline, a table row) an acronym cannot be told from a shouted word.
    if ((before?.allCaps && before.joinsNext) || (after?.allCaps && t.joinsNext)) continue;
    out.push({ start: t.start, end: t.end, kind: 'organization', confidence: 0.45 });
  }
  return out;
}

const ROMAN_NUMERAL_RE = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;
// Units, currencies and time zones written in capitals.
const UNITS = new Set([
  'GMT',
  'UTC',
  'EST',
  'EDT',
  'PST',
  'PDT',
  'CET',
  'IST',
  'AM',
  'PM',
  'KM',
  'MW',
  'GW',
  'USD',
  'EUR',
  'GBP',
  'TV',
  'PC',
  'PDF',
  'CEO',
  'CFO',
  'MP',
  'MPS',
  'OK',
  'ID',
  'DNA',
  'GDP',
  'VAT',
  'FAQ',
  'CD',
  'DVD',
  'PR',
  'HQ',
  'ET',
  'PT',
]);

function startsName(t: Token): boolean {
  return t.capitalized && !/^\p{N}/u.test(t.raw);
}

function continues(tokens: Token[], k: number, index: NameIndex): boolean {
  const t = tokens[k];
  if (t.capitalized) return !/^\p{N}/u.test(t.raw);
  // A connector continues a name only before a capitalized word that is not everyday English:
  // "Bank of England", not "Hemo in the" nor "Real London on Sunday"; never "and" ("Bre-X and Barrick").
  const next = tokens[k + 1];
  return (
    CONNECTORS.has(t.folded) &&
    t.folded !== 'and' &&
    t.joinsNext &&
    next?.capitalized &&
    !isEveryday(next.folded, index)
  );
}

/** True when every word is everyday English or a demonym: "Syrian" in "the Syrian province" names nothing. */
function onlyEverydayWords(tokens: Token[], i: number, j: number, index: NameIndex): boolean {
  for (let k = i; k <= j; k++) {
    const word = tokens[k].folded;
    if (!isEveryday(word, index) && !index.demonyms.has(word)) return false;
  }
  return true;
}

/**
 * A capitalized word before a name that is not part of it: "The", a title, a nationality, a sentence-initial
 * "Reportedly".
 */
function leadingNonName(t: Token, index: NameIndex): boolean {
  // "Australian Tom Moody": a nationality before a name describes the person, it is not part of the name.
  return (
    COMMON_WORDS.has(t.folded) ||
    PERSON_TITLES.has(t.folded) ||
    index.demonyms.has(t.folded) ||
    (t.sentenceStart && isEveryday(t.folded, index))
  );
}

/**
 * The kind of a capitalized run without a cue, from its shape: a run holding a place name is an
 * organization named after it ("Real Madrid", "Kyiv Post"); one that starts with a given name, or two
 * to four words none of them everyday English, is a person ("David Campese", "Ijaz Ahmad"). Runs in
 * capitals (headlines, tables) and single words get no kind from shape alone.
 */
function shapeKind(
  tokens: Token[],
  i: number,
  j: number,
  index: NameIndex,
): { kind: EntityKind; confidence: number } | null {
  if (j === i || j - i > 3) return null;
  let everyday = 0;
  let place = false;
  for (let k = i; k <= j; k++) {
    const t = tokens[k];
    if (t.allCaps) return null;
    if (!t.capitalized) continue;
    // "the Arab Republic", "the Islamic Emirate": a polity, so a place.
    if (POLITY_WORDS.has(t.folded)) return { kind: 'place', confidence: 0.4 };
    if (isEveryday(t.folded, index) || index.demonyms.has(t.folded)) everyday++;
    if (namesWellKnownPlace(t, index)) place = true;
  }
  if (index.givenNames.has(tokens[i].folded)) return { kind: 'person', confidence: 0.6 };
  // "C. Lewis", "J. Ratcliffe": an initial first is a person's name.
  if (isInitial(tokens[i])) return { kind: 'person', confidence: 0.6 };
  // "Van Boxmeer", "De Gaulle": a name particle first makes a surname, even if a town shares it.
  if (SURNAME_PARTICLES.has(tokens[i].folded)) return { kind: 'person', confidence: 0.5 };
  if (place) return { kind: 'organization', confidence: 0.45 };
  if (everyday === 0) return { kind: 'person', confidence: 0.4 };
  return null;
}

/** Places big enough that a name holding them is named after them: cities of 100,000 and more. */
const NAMESAKE_POPULATION = 100_000;
const NAMESAKE_SUBTYPES = new Set(['country', 'capital', 'region']);

/**
 * Whether a word is the name of a well-known place ("Madrid" in "Atletico Madrid", "Kyiv" in "Kyiv Post"):
 * a country, capital, region or big city under its own name. A small town's name or an alternate spelling
 * is more often a surname ("Geir Moen", "Wilson Kipketer", "Jansher Khan").
 */
function namesWellKnownPlace(t: Token, index: NameIndex): boolean {
  const positions = positionsOf(index.byKey, t.folded);
  if (!positions) return false;
  return positions.some((p) => {
    const entry = index.entries[p];
    if (entry.kind !== 'place') return false;
    if (!NAMESAKE_SUBTYPES.has(entry.subtype) && (entry.population ?? 0) < NAMESAKE_POPULATION) return false;
    // Checked last: folding the entry's name is the costly part, and few entries get this far.
    return foldedWords(entry.name).includes(t.folded);
  });
}

/** One capital letter, written alone or with a dot: "C." in "C. Lewis". */
function isInitial(t: Token): boolean {
  return t.raw.length === 1 && /^\p{Lu}$/u.test(t.raw);
}

function organizationCue(tokens: Token[], i: number, j: number): boolean {
  if (j === i) return false;
  if (ORGANIZATION_ENDINGS.has(tokens[j].folded)) return true;
  return ORGANIZATION_STARTS.has(tokens[i].folded) && tokens[i + 1]?.folded === 'of';
}

function cueKind(tokens: Token[], i: number, j: number): { kind: EntityKind; confidence: number } | null {
  if (organizationCue(tokens, i, j)) return { kind: 'organization', confidence: 0.7 };
  // "Stewart Island", "Hudson River", "Tahrir Square": the last word says what sort of place.
  if (j > i && PLACE_ENDINGS.has(tokens[j].folded)) return { kind: 'place', confidence: 0.6 };
  const after = tokens[j + 1];
  const afterNext = tokens[j + 2];
  if (after && !after.capitalized) {
    if (PLACE_NOUNS_AFTER.has(after.folded)) return { kind: 'place', confidence: 0.6 };
    if (after.folded === 'military' && afterNext && PLACE_NOUNS_AFTER.has(afterNext.folded)) {
      return { kind: 'place', confidence: 0.6 };
    }
  }
  const before = tokens[i - 1];
  if (before && !before.capitalized && PLACE_NOUNS_BEFORE.has(before.folded)) return { kind: 'place', confidence: 0.5 };
  if (before && PERSON_TITLES.has(before.folded)) return { kind: 'person', confidence: 0.6 };
  if (j > i && after && VERBS_OF_SPEECH.has(after.folded) && !tokens[i].sentenceStart) {
    return { kind: 'person', confidence: 0.4 };
  }
  return null;
}
