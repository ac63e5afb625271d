/** @module lib/link/link — picks one knowledge-base entry for each candidate span, or none. */

import type { NameIndex } from '../kb/name-index';
import type { KbEntry } from '../kb/types';
import type { Candidate } from '../recognize/types';
import type { Token } from '../text/tokenize';

/** A candidate with its chosen entry and how sure the choice is. */
export interface Linked {
  candidate: Candidate;
  entry: KbEntry;
  confidence: number;
}

const DEFAULT_PROMINENCE = 0.3;
const SAME_COUNTRY_BONUS = 0.35;
const KIND_CUE_BONUS = 0.3;
const NAMED_ELSEWHERE_BONUS = 0.6;
const SKELETON_PENALTY = 0.6;
/** Below the link threshold: the name is shown as a name of the entry's kind, with no card of its own. */
const UNPLACED_CONFIDENCE = 0.2;

// Nouns after a name that say what sort of place it is: "the province of X", "X province".
const REGION_CUES = new Set([
  'province',
  'governorate',
  'region',
  'state',
  'oblast',
  'county',
  'district',
  'prefecture',
]);
const CITY_CUES = new Set(['city', 'town', 'village', 'airport', 'mayor']);
const REGION_SUBTYPES = new Set(['region', 'area', 'territory']);
const CITY_SUBTYPES = new Set(['city', 'town', 'capital']);
const COUNTRY_SUBTYPES = new Set(['country', 'territory']);
/**
 * Words that name an institution every country has: a name made only of them ("the Supreme Court", "the
 * Foreign Ministry", "Parliament") is a country's only in an article about that country.
 */
const INSTITUTION_WORDS = new Set(
  (
    'the of and for national supreme constitutional federal central high state public general people peoples ' +
    'court courts ministry minister bank parliament senate assembly congress council commission committee cabinet ' +
    'government office department agency service services police army navy air force forces armed guard ' +
    'foreign affairs interior defence defense justice finance health education security intelligence election ' +
    'electoral prosecutor prosecutors attorney house representatives chamber treasury presidency republic'
  ).split(' '),
);

/** True when every word of the span is an institution word: the name says nothing of whose it is. */
function isGenericInstitution(candidate: Candidate, tokens: Token[]): boolean {
  for (let k = candidate.tokenStart; k < candidate.tokenEnd; k++) {
    if (!INSTITUTION_WORDS.has(tokens[k].folded)) return false;
  }
  return true;
}

/**
 * Links candidates (dropping weak skeleton matches that fit none of the article's countries) in three steps: entries named without ambiguity set the article's countries;
 * every candidate then ranks its entries by prominence, shared country and the nouns around it;
 * and the first decision for a name holds for the whole article (one sense per article).
 */
export function linkCandidates(candidates: Candidate[], tokens: Token[], index: NameIndex): Linked[] {
  // Whether each candidate's name is made only of institution words, decided once for all three uses.
  const generic = candidates.map((c) => isGenericInstitution(c, tokens));
  const countries = articleCountries(candidates, generic, index, false);
  const located = articleCountries(candidates, generic, index, true);
  const geography = located.size > 0 ? located : countries;
  const named = namedUnambiguously(candidates);
  const decided = new Map<string, KbEntry>();
  const out: Linked[] = [];
  for (const [n, candidate] of candidates.entries()) {
    const key = tokens
      .slice(candidate.tokenStart, candidate.tokenEnd)
      .map((t) => t.folded)
      .join(' ');
    const earlier = decided.get(key);
    if (candidate.via === 'demonym') {
      // A demonym refers to its country; "Indian" may be two (India, and Native Americans' US): prominence decides.
      const entry = candidate.positions
        .map((p) => index.entries[p])
        .sort((a, b) => (b.prominence ?? 0) - (a.prominence ?? 0))[0];
      out.push({ candidate, entry, confidence: 0.8 });
      continue;
    }
    if (earlier) {
      out.push({ candidate, entry: earlier, confidence: 0.9 });
      continue;
    }
    // A skeleton match is a guess at a transliteration: only believable for a place in a country
    // where the article's other places are (not merely a country it names, like the US in a Syria story).
    // An entry that needs a country cue is only believable in an article about its country.
    const positions = candidate.positions.filter((p) => {
      const entry = index.entries[p];
      if (candidate.via === 'skeleton' && !geography.has(entry.country ?? '')) return false;
      const needsCountry = entry.needsCountryCue || (generic[n] && entry.kind === 'organization' && entry.country);
      return !needsCountry || countries.has(entry.country ?? '');
    });
    if (positions.length === 0) {
      // Names the article does not place in any entry's country stay names of their kind, unlinked; a lone
      // acronym of such an entry says too little to be a name at all.
      if (candidate.via === 'name') {
        const entry = candidate.positions
          .map((p) => index.entries[p])
          .sort((a, b) => (b.prominence ?? 0) - (a.prominence ?? 0))[0];
        if (entry) out.push({ candidate, entry, confidence: UNPLACED_CONFIDENCE });
      }
      continue;
    }
    const ranked = positions
      .map((p) => ({
        entry: index.entries[p],
        score: score(index.entries[p], candidate, tokens, countries) + (named.has(p) ? NAMED_ELSEWHERE_BONUS : 0),
      }))
      .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    const best = ranked[0];
    const second = ranked[1];
    let confidence = second ? Math.min(1, 0.5 + (best.score - second.score)) : 0.95;
    if (candidate.via === 'skeleton') confidence *= SKELETON_PENALTY;
    decided.set(key, best.entry);
    out.push({ candidate, entry: best.entry, confidence });
  }
  return out;
}

function score(entry: KbEntry, candidate: Candidate, tokens: Token[], countries: Set<string>): number {
  let s = entry.prominence ?? DEFAULT_PROMINENCE;
  if (entry.country && countries.has(entry.country)) s += SAME_COUNTRY_BONUS;
  const after = tokens[candidate.tokenEnd]?.folded;
  const before = tokens[candidate.tokenStart - 1]?.folded;
  const beforeOf = tokens[candidate.tokenStart - 2]?.folded;
  const regionCue = (after && REGION_CUES.has(after)) || (before === 'of' && beforeOf && REGION_CUES.has(beforeOf));
  const cityCue = (after && CITY_CUES.has(after)) || (before === 'of' && beforeOf && CITY_CUES.has(beforeOf));
  if (regionCue && REGION_SUBTYPES.has(entry.subtype)) s += KIND_CUE_BONUS;
  if (cityCue && CITY_SUBTYPES.has(entry.subtype)) s += KIND_CUE_BONUS;
  return s;
}

/**
 * Entries the article names by a name only they carry: "Syrian Democratic Forces" makes a later
 * "SDF" mean them rather than another SDF.
 */
function namedUnambiguously(candidates: Candidate[]): Set<number> {
  const named = new Set<number>();
  for (const c of candidates) if (c.positions.length === 1 && c.via === 'name') named.add(c.positions[0]);
  return named;
}

/**
 * Countries of the entries the article names without ambiguity (a country names itself); with
 * `placesOnly`, only of the places below country level: where the story happens.
 */
function articleCountries(
  candidates: Candidate[],
  generic: readonly boolean[],
  index: NameIndex,
  placesOnly: boolean,
): Set<string> {
  const countries = new Set<string>();
  for (const [n, c] of candidates.entries()) {
    if (c.positions.length !== 1 || c.via === 'skeleton') continue;
    const entry = index.entries[c.positions[0]];
    // An entry that waits for its country to be named cannot name it itself, nor can "the Supreme Court".
    if (entry.needsCountryCue || generic[n]) continue;
    if (placesOnly && (entry.kind !== 'place' || COUNTRY_SUBTYPES.has(entry.subtype))) continue;
    if (entry.country) countries.add(entry.country);
  }
  return countries;
}
