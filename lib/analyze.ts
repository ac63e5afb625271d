/** @module lib/analyze — the whole analysis of one article's text: recognize, link, and type unknown names. */

import type { NameIndex } from './kb/name-index';
import { linkCandidates } from './link/link';
import { matchNames } from './recognize/match-names';
import type { Mention } from './recognize/types';
import { findUnknownNames } from './recognize/unknown-names';
import { tokenize } from './text/tokenize';

/** Links below this confidence are shown as unknown names of the entry's kind. */
export const LINK_THRESHOLD = 0.35;

/** Finds the places and actors in `text`, sorted by offset. Pure: the same code runs in the worker and in Node. */
export function analyzeText(text: string, index: NameIndex): Mention[] {
  const tokens = tokenize(text);
  const candidates = matchNames(tokens, index, text);
  const linked = linkCandidates(candidates, tokens, index);
  const covered = new Array<boolean>(tokens.length).fill(false);
  const mentions: Mention[] = [];
  for (const { candidate, entry, confidence } of linked) {
    for (let k = candidate.tokenStart; k < candidate.tokenEnd; k++) covered[k] = true;
    const surface = text.slice(candidate.start, candidate.end);
    if (confidence >= LINK_THRESHOLD) {
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
  for (const unknown of findUnknownNames(tokens, covered, index)) {
    mentions.push({ ...unknown, surface: text.slice(unknown.start, unknown.end) });
  }
  return mentions.sort((a, b) => a.start - b.start);
}
