/** @module lib/analyze — the whole analysis of one article's text: recognize, link, and type unknown names. */

import { type NameIndex, positionsOf } from './kb/name-index';
import type { KbEntry } from './kb/types';
import { linkCandidates } from './link/link';
import { applyPossessiveCountries, dropCredits } from './recognize/context-rules';
import { dropInsideLongerNames, isEveryday, matchNames } from './recognize/match-names';
import type { Mention } from './recognize/types';
import { findUnknownAcronyms, findUnknownNames } from './recognize/unknown-names';
import { foldedWords, foldKey } from './text/fold';
import { type Token, tokenize } from './text/tokenize';

/** Links below this confidence are shown as unknown names of the entry's kind. */
export const LINK_THRESHOLD = 0.35;

/** Finds the places and actors in `text`, sorted by offset. Pure: the same code runs in the worker and in Node. */
export function analyzeText(text: string, index: NameIndex): Mention[] {
  const tokens = tokenize(text);
  const candidates = dropInsideLongerNames(matchNames(tokens, index, text), tokens, index);
  const linked = linkCandidates(candidates, tokens, index);
  const covered = new Array<boolean>(tokens.length).fill(false);
  const mentions: Mention[] = [];
  /** Folded names the article uses for sports teams. */
  const teams = new Set<string>();
  for (const { candidate, entry, confidence } of linked) {
    for (let k = candidate.tokenStart; k < candidate.tokenEnd; k++) covered[k] = true;
    const surface = text.slice(candidate.start, candidate.end);
    if (candidate.via === 'demonym') {
      mentions.push({
        start: candidate.start,
        end: candidate.end,
        kind: 'place',
        entityId: entry.id,
        name: entry.name,
        confidence,
        surface,
        demonym: true,
      });
    } else if (sportsTeam(candidate, tokens, entry) && !index.demonyms.has(foldKey(surface))) {
      // "Barcelona beat Chelsea 2-1", "CHICAGO 3 Boston 2": a city named in a score is its team.
      mentions.push({ start: candidate.start, end: candidate.end, kind: 'organization', confidence: 0.5, surface });
      teams.add(foldKey(surface));
    } else if (confidence >= LINK_THRESHOLD) {
      mentions.push({
        start: candidate.start,
        end: candidate.end,
        kind: entry.kind,
        entityId: entry.id,
        name: entry.name,
        confidence,
        surface,
      });
    } else {
      mentions.push({ start: candidate.start, end: candidate.end, kind: entry.kind, confidence, surface });
    }
  }
  // Unknown names come in text order, so one pointer walks the tokens once (a long article has thousands).
  let next = 0;
  for (const unknown of findUnknownNames(tokens, covered, index)) {
    mentions.push({ ...unknown, surface: text.slice(unknown.start, unknown.end) });
    while (next < tokens.length && tokens[next].start < unknown.start) next++;
    for (let k = next; k < tokens.length && tokens[k].start < unknown.end; k++) covered[k] = true;
  }
  for (const acronym of findUnknownAcronyms(tokens, covered, index)) {
    mentions.push({ ...acronym, surface: text.slice(acronym.start, acronym.end) });
  }
  mentions.sort((a, b) => a.start - b.start);
  const read = applyDefinedAcronyms(
    applyShortForms(applyTeamSense(mentions, teams, tokens), tokens, index),
    tokens,
    text,
  );
  return applyPossessiveCountries(dropCredits(read, text), text, index);
}

const SCORE_VERBS = new Set(['beat', 'beats', 'drew', 'v', 'vs', 'defeated', 'thrashed', 'edged', 'routed']);
const SETTLEMENTS = new Set(['city', 'town', 'capital', 'region']);

/** A city or region written next to a score or a match verb, as sports pages name teams. */
function sportsTeam(candidate: { tokenStart: number; tokenEnd: number }, tokens: Token[], entry: KbEntry): boolean {
  if (entry.kind !== 'place' || !SETTLEMENTS.has(entry.subtype)) return false;
  const next = tokens[candidate.tokenEnd];
  const previous = tokens[candidate.tokenStart - 1];
  const sameLine = (a: Token | undefined, b: Token | undefined) => a !== undefined && b !== undefined && a.joinsNext;
  if (next && /^\d{1,3}$/.test(next.raw) && sameLine(tokens[candidate.tokenEnd - 1], next)) return true;
  // A match verb counts only between two names: "Barcelona beat Chelsea", not "Kyiv beat back".
  const afterVerb = tokens[candidate.tokenEnd + 1];
  if (next && SCORE_VERBS.has(next.folded) && tokens[candidate.tokenEnd - 1].joinsNext && afterVerb?.capitalized)
    return true;
  if (previous && /^\d{1,3}$/.test(previous.raw) && previous.joinsNext) return true;
  const beforeVerb = tokens[candidate.tokenStart - 2];
  return (
    previous !== undefined &&
    SCORE_VERBS.has(previous.folded) &&
    previous.joinsNext &&
    (beforeVerb?.capitalized ?? false)
  );
}

const ACRONYM_RE = /^\p{Lu}[\p{Lu}\d]{1,7}$/u;

/**
 * Acronyms the article defines: a name followed by an acronym in brackets ("the Hemo Defense Forces (HDF)",
 * "Revolutionary Guards (IRGC)") makes that acronym, there and later, the same entity as the name, linked or
 * not, whatever the knowledge base or the acronym rule said of it alone.
 */
function applyDefinedAcronyms(mentions: Mention[], tokens: Token[], text: string): Mention[] {
  const defined = new Map<string, Mention>();
  let k = 0;
  for (const m of mentions) {
    if (m.demonym || !/\s/.test(m.surface)) continue;
    while (k < tokens.length && tokens[k].start < m.end) k++;
    const t = tokens[k];
    if (!t || !ACRONYM_RE.test(t.raw) || defined.has(t.raw)) continue;
    if (!/^\s*\(\s*$/.test(text.slice(m.end, t.start)) || !/^\s*\)/.test(text.slice(t.end, t.end + 3))) continue;
    defined.set(t.raw, m);
  }
  if (defined.size === 0) return mentions;
  const byStart = new Map(mentions.map((m) => [m.start, m]));
  const inside = insideLongerMentions(mentions, tokens);
  const out = mentions.filter((m) => {
    const definition = defined.get(m.surface);
    return !definition || definition.start > m.start;
  });
  for (const [acronym, definition] of defined) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.raw !== acronym || t.start < definition.end) continue;
      const existing = byStart.get(t.start);
      if (inside[i] && !(existing && existing.end === t.end)) continue;
      out.push({ ...definition, start: t.start, end: t.end, surface: t.raw });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Words before a name that make it a location even in a sports report: "the final in Barcelona". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'outside']);

/**
 * One sense per article: a city the article names as a team in a score ("Barcelona beat Porto 2-1") is the
 * team where the same article names it again ("Barcelona's coach said"), unless a preposition makes it a
 * location ("in Barcelona") or it is written in capitals (a dateline: "BARCELONA 1996-08-30").
 */
function applyTeamSense(mentions: Mention[], teams: Set<string>, tokens: Token[]): Mention[] {
  if (teams.size === 0) return mentions;
  const tokenAt = new Map(tokens.map((t, i) => [t.start, i]));
  return mentions.map((m) => {
    if (m.kind !== 'place' || m.demonym || !teams.has(foldKey(m.surface))) return m;
    const i = tokenAt.get(m.start);
    const first = i === undefined ? undefined : tokens[i];
    const before = i === undefined ? undefined : tokens[i - 1];
    if (!first || first.allCaps || (before && PLACE_PREPOSITIONS.has(before.folded))) return m;
    return { start: m.start, end: m.end, kind: 'organization', confidence: 0.5, surface: m.surface };
  });
}

/**
 * Later short forms of names given in full: after "Matthew Miller", a bare "Miller" is him, even where a
 * place of that name exists ("Lara" after "Brian Lara"); after "Newmont Mining Corp", a bare "Newmont" is
 * the company. Only words that are not everyday English; for organizations, not a place, a nationality or a
 * given name either ("London" after "London Newsroom" stays London, "Syrian" after "Syrian Democratic Forces"
 * stays a nationality).
 */
function applyShortForms(mentions: Mention[], tokens: Token[], index: NameIndex): Mention[] {
  const fullNames = new Map<string, Mention>();
  // People first: a surname that also starts an organization's name ("Lebed" and a headline's "Lebed
  // Chechnya") is the person's.
  const people = mentions.filter((m) => m.kind === 'person');
  for (const m of [...people, ...mentions.filter((m) => m.kind === 'organization')]) {
    const words = foldedWords(m.surface);
    if (words.length < 2 || m.demonym) continue;
    const key = m.kind === 'person' ? words[words.length - 1] : m.kind === 'organization' ? words[0] : undefined;
    if (!key || fullNames.has(key) || isEveryday(key, index)) continue;
    if (
      m.kind === 'organization' &&
      (positionsOf(index.byKey, key) || index.demonyms.has(key) || index.givenNames.has(key))
    ) {
      continue;
    }
    fullNames.set(key, m);
  }
  if (fullNames.size === 0) return mentions;
  const byStart = new Map(mentions.map((m) => [m.start, m]));
  let inside: Uint8Array | undefined;
  // Short forms found, by start: each replaces the mention there, if any.
  const found = new Map<number, Mention>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const full = fullNames.get(t.folded);
    if (!full || full.start >= t.start || !t.capitalized || t.allCaps) continue;
    const existing = byStart.get(t.start);
    // A person's surname wins over a town of that name; anything else already found stays.
    if (existing && !(full.kind === 'person' && existing.end === t.end && existing.kind === 'place')) continue;
    inside ??= insideLongerMentions(mentions, tokens);
    if (inside[i]) continue;
    found.set(t.start, {
      ...full,
      start: t.start,
      end: t.end,
      surface: t.raw,
      confidence: Math.min(full.confidence, 0.7),
    });
  }
  if (found.size === 0) return mentions;
  return [...mentions.filter((m) => !found.has(m.start)), ...found.values()].sort((a, b) => a.start - b.start);
}

/**
 * For each token, whether it lies inside a longer mention ("Miller" inside "Miller Group"). Mentions are sorted
 * by start, so a binary search finds each one's first token: linear in the text, not tokens × mentions.
 */
function insideLongerMentions(mentions: Mention[], tokens: Token[]): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  for (const m of mentions) {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < m.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < tokens.length && tokens[k].end <= m.end; k++) {
      if (!(tokens[k].start === m.start && tokens[k].end === m.end)) inside[k] = 1;
    }
  }
  return inside;
}
