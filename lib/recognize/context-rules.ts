/**
 * @module lib/recognize/context-rules — what the words around a name say about it: a photo credit or a
 * dateline's agency is not a name the story is about, and "India's Supreme Court" is India's, whatever the
 * knowledge base's only "Supreme Court" is.
 */

import { entryById, type NameIndex, positionsOf } from '../kb/name-index';
import { foldKey } from '../text/fold';
import type { Mention } from './types';

/** How far before a name a credit label may stand ("Photo: John Smith / EPA"). */
const CREDIT_WINDOW = 60;
// A credit label ("Photo:", "Image credit:", "Photograph by"), then the credited names only: capitalized words,
// "/", "via", "and" ("Photo: John Smith/AFP via Getty"). A caption ("Photo: Smoke rises over Aleppo") has other
// words, and keeps its names.
const CREDIT_LABEL =
  /(?:^|[\n.|•])\s*(?:file\s+)?(?:photo(?:graph)?s?|images?|pictures?|credits?|illustrations?|video|graphics?|image credit|photo credit)\s*(?::|\/|©|by\b)([^\n:]*)$/iu;
const CREDITED_NAMES = /^\s*(?:(?:\p{Lu}[\p{L}'’.-]*|\/|,|&|via|and|for)\s*){0,8}$/u;
// "© Reuters", "(c) AFP".
const COPYRIGHT_BEFORE = /(?:©|\(c\))\s*$/iu;
// A dateline: a place in capitals, then the agency in brackets, then a dash: "BAGHDAD (Reuters) -".
const DATELINE_BEFORE = /(?:^|\n|[.!?]\s)\s*[\p{Lu}][\p{Lu} ,.'’-]{1,40}\(\s*$/u;
const DATELINE_AFTER = /^\s*\)\s*[-–—]/u;

/** True when the mention at [start, end) is a credit line's or a dateline's name, not the story's. */
export function isCredit(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - CREDIT_WINDOW), start);
  const credited = CREDIT_LABEL.exec(before)?.[1];
  if ((credited !== undefined && CREDITED_NAMES.test(credited)) || COPYRIGHT_BEFORE.test(before)) return true;
  return DATELINE_BEFORE.test(before) && DATELINE_AFTER.test(text.slice(end, end + 8));
}

/** The mentions without credits and datelines' agencies. */
export function dropCredits(mentions: Mention[], text: string): Mention[] {
  return mentions.filter((m) => !isCredit(text, m.start, m.end));
}

const POSSESSIVE = /^\s*['’]s?\s+(?:own\s+)?$/u;

/**
 * A country's possessive before an organization ("India's Supreme Court", "Iran's Foreign Ministry") points a
 * name the knowledge base holds for another country at the entry of that country, if there is one, or leaves
 * it unlinked: a name of the right kind, never another country's institution.
 */
export function applyPossessiveCountries(mentions: Mention[], text: string, index: NameIndex): Mention[] {
  return mentions.map((m, i) => {
    const owner = mentions[i - 1];
    if (m.kind !== 'organization' || !m.entityId || !owner?.entityId || owner.kind !== 'place') return m;
    if (!POSSESSIVE.test(text.slice(owner.end, m.start))) return m;
    // The possessive names a country only when the owner is one (a town's possessive names no institution's state).
    const ownerEntry = entryById(index, owner.entityId);
    if (ownerEntry?.subtype !== 'country' && ownerEntry?.subtype !== 'territory') return m;
    const country = ownerEntry.country;
    const linked = entryById(index, m.entityId);
    if (!country || !linked?.country || linked.country === country) return m;
    const own = (positionsOf(index.byKey, foldKey(m.surface)) ?? [])
      .map((p) => index.entries[p])
      .find((e) => e?.kind === 'organization' && e.country === country);
    if (own) return { ...m, entityId: own.id, name: own.name };
    return { start: m.start, end: m.end, kind: m.kind, confidence: Math.min(m.confidence, 0.3), surface: m.surface };
  });
}
