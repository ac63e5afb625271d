/** @module lib/link/corrections — the reader's corrections applied to the mentions of a fresh analysis. */

import type { CorrectionRecord } from '../db/schema';
import type { KbEntry } from '../kb/types';
import type { Mention } from '../recognize/types';
import { foldKey } from '../text/fold';

/** The reader's word is final: a corrected name is as sure as a link gets. */
const CORRECTED_CONFIDENCE = 1;

/** The corrections that hold, one per folded name: the newest wins (a reader may change their mind). */
export function latestByKey(corrections: readonly CorrectionRecord[]): Map<string, CorrectionRecord> {
  const out = new Map<string, CorrectionRecord>();
  for (const c of corrections) {
    const held = out.get(c.key);
    if (!held || c.createdAt > held.createdAt || (c.createdAt === held.createdAt && (c.id ?? 0) > (held.id ?? 0))) {
      out.set(c.key, c);
    }
  }
  return out;
}

export interface CorrectionContext {
  /** The analyzed text: names the reader added are also found in it where the recognizer saw nothing. */
  text: string;
  /** Looks an entry up by id: the name index's entries and the reader's own (`origin: 'user'`) entities. */
  entry: (id: string) => KbEntry | undefined;
}

/**
 * Applies the reader's corrections to an analysis, by the name as written (folded, as the recognizer folds it):
 * - `not-entity` drops every mention of the name;
 * - `link` and `add` link every mention of the name to the chosen entry (its kind and display name too);
 * - names the reader added (`add`) are also found where the recognizer found nothing (a name it does not
 *   know and did not take for a name), as whole words written as the reader wrote them.
 * A correction whose entry cannot be found (removed since) is ignored, so the analysis stands. Returns
 * new mentions sorted by offset; the input is not changed.
 */
export function applyCorrections(
  mentions: readonly Mention[],
  corrections: readonly CorrectionRecord[],
  context: CorrectionContext,
): Mention[] {
  if (corrections.length === 0) return [...mentions];
  const byKey = latestByKey(corrections);
  const out: Mention[] = [];
  for (const mention of mentions) {
    const correction = byKey.get(foldKey(mention.surface));
    if (!correction) {
      out.push(mention);
      continue;
    }
    if (correction.action === 'not-entity') continue;
    const entry = correction.entityId ? context.entry(correction.entityId) : undefined;
    out.push(entry ? linkedTo(mention, entry) : mention);
  }
  for (const correction of byKey.values()) {
    if (correction.action !== 'add' || !correction.entityId) continue;
    const entry = context.entry(correction.entityId);
    if (!entry) continue;
    for (const span of findWhole(context.text, correction.surface)) {
      if (out.some((m) => m.start < span.end && span.start < m.end)) continue;
      out.push(
        linkedTo(
          { ...span, kind: entry.kind, confidence: 0, surface: context.text.slice(span.start, span.end) },
          entry,
        ),
      );
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function linkedTo(mention: Mention, entry: KbEntry): Mention {
  const { demonym: _demonym, ...rest } = mention;
  return { ...rest, kind: entry.kind, entityId: entry.id, name: entry.name, confidence: CORRECTED_CONFIDENCE };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Where `name` occurs in `text` as whole words, any run of spaces standing for a space. */
export function findWhole(text: string, name: string): { start: number; end: number }[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  const out: { start: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (WORD_CHAR.test(text[start - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue;
    out.push({ start, end });
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
