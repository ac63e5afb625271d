/**
 * @module lib/kb/build/leader-history — terms of office from dated Factbook snapshots: who held a country's
 * top office from when, and who followed whom. A change is dated only when the snapshot before it is recent
 * (the record has a gap from 2017 to late 2020): a holder seen before a long gap and gone after it has no
 * known end and no known successor, since someone may have held the office in between.
 */

import { foldKey } from '../../text/fold';
import type { OfficeHolder } from './factbook';

export type Office = 'head-of-state' | 'head-of-government';

/** One snapshot of one office: the holders the Factbook listed on `date`. */
export interface OfficeSnapshot {
  date: string;
  /** ISO alpha-2. */
  code: string;
  office: Office;
  holders: OfficeHolder[];
}

/** One person's time in one office, as far as the snapshots tell. */
export interface OfficeTerm {
  code: string;
  office: Office;
  name: string;
  title?: string;
  since?: string;
  /** When the term ended: the successor's since-date, known only when the change was seen promptly. */
  end?: string;
  /** Who took the office when this term ended (names as the Factbook writes them). */
  successors?: string[];
  /** The first snapshot that lists the holder. */
  firstSeen: string;
}

const DAY_MS = 86_400_000;
/** Days after snapshots resume from a long gap during which a change is not taken as prompt. */
const RESUME_DAYS = 3;

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / DAY_MS;
}

/**
 * Terms from snapshots. `snapshotDates` are the dates a snapshot was taken of every country (the source's
 * commits): a change between two snapshots at most `maxGapDays` apart is dated and gives a successor.
 */
export function officeTerms(
  snapshots: readonly OfficeSnapshot[],
  snapshotDates: readonly string[],
  maxGapDays = 60,
): OfficeTerm[] {
  const dates = [...new Set(snapshotDates)].sort();
  const previousSnapshot = (date: string): string | undefined => {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((dates[mid] ?? '') < date) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? dates[lo - 1] : undefined;
  };
  // Where snapshots resume after a long gap: the first days after it may still carry catch-up changes.
  const resumed = dates.filter((d, i) => i > 0 && daysBetween(dates[i - 1] ?? d, d) > maxGapDays);
  const isPrompt = (date: string): boolean => {
    const before = previousSnapshot(date);
    if (before === undefined || daysBetween(before, date) > maxGapDays) return false;
    const resume = resumed.filter((d) => d <= date).at(-1);
    return resume === undefined || daysBetween(resume, date) >= RESUME_DAYS;
  };
  const groups = new Map<string, OfficeSnapshot[]>();
  for (const s of snapshots) {
    const key = `${s.code}|${s.office}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const terms: OfficeTerm[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let current = new Map<string, OfficeTerm>();
    for (const snap of group) {
      const next = new Map<string, OfficeTerm>();
      const started: OfficeTerm[] = [];
      for (const h of snap.holders) {
        const key = foldKey(h.name);
        // Same person when the name matches, or when a respelled name keeps the same since-date.
        const same =
          current.get(key) ?? [...current.values()].find((t) => t.since !== undefined && t.since === h.since);
        if (same) {
          if (h.title) same.title = h.title;
          next.set(key, same);
          continue;
        }
        const term: OfficeTerm = { code: snap.code, office: snap.office, name: h.name, firstSeen: snap.date };
        if (h.title) term.title = h.title;
        if (h.since) term.since = h.since;
        terms.push(term);
        started.push(term);
        next.set(key, term);
      }
      const ended = [...current.values()].filter((t) => ![...next.values()].includes(t));
      const prompt = isPrompt(snap.date);
      if (prompt && started.length > 0) {
        for (const t of ended) {
          const end = started
            .map((s) => s.since)
            .filter((d): d is string => d !== undefined && (t.since === undefined || d >= t.since))
            .sort()[0];
          if (end) t.end = end;
          t.successors = started.map((s) => s.name);
        }
      }
      current = next;
    }
  }
  return terms;
}
