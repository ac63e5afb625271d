/** @module lib/kb/qid — an entry's Wikidata QID: its `qid`, or its id when the id is a QID. */

import type { KbEntry } from './types';

export const QID_RE = /^Q[1-9]\d*$/;

export function qidOf(entry: Pick<KbEntry, 'id' | 'qid'>): string | undefined {
  return entry.qid ?? (QID_RE.test(entry.id) ? entry.id : undefined);
}
