/** @module lib/panel/entity-facts — how the panel words an entry: country names, relations, links out. */

import type { EntityRecord } from '../db/schema';
import type { KbEntry, RelationType } from '../kb/types';

const QID_RE = /^Q[1-9]\d*$/;
const WIKIPEDIA_RE = /^https:\/\/[a-z-]+\.(?:m\.)?wikipedia\.org\/wiki\/[^\s]+$/;

/**
 * The entry's Wikipedia article: its own `wikipedia` link when it is one, else Wikidata's redirect to the
 * English article of its QID. Never fetched: only followed when the reader clicks.
 */
export function wikipediaUrl(entry: Pick<KbEntry, 'id' | 'wikipedia'>): string | undefined {
  if (entry.wikipedia && WIKIPEDIA_RE.test(entry.wikipedia)) return entry.wikipedia;
  if (QID_RE.test(entry.id)) return `https://www.wikidata.org/wiki/Special:GoToLinkedPage/enwiki/${entry.id}`;
  return undefined;
}

const RELATION_LABEL: Record<RelationType, string> = {
  leads: 'Leads',
  'member-of': 'Member of',
  'part-of': 'Part of',
  'based-in': 'Based in',
};

/** One line of "relations": a label and the entry it points to (its name when stored, else its id). */
export interface RelationRow {
  label: string;
  targetId: string;
  /** The target's name; absent when the knowledge base does not hold the target. */
  targetName?: string;
}

/** The entry's relations in a stable order (leads, member of, part of, based in), with their targets named. */
export function relationRows(
  entry: Pick<KbEntry, 'relations'>,
  targets: ReadonlyMap<string, Pick<EntityRecord, 'name'>>,
): RelationRow[] {
  const order = Object.keys(RELATION_LABEL);
  return [...(entry.relations ?? [])]
    .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
    .map((r) => {
      const target = targets.get(r.target);
      return {
        label: RELATION_LABEL[r.type] ?? r.type,
        targetId: r.target,
        ...(target ? { targetName: target.name } : {}),
      };
    });
}

/** Dated facts oldest first, as a timeline reads. */
export function timeline(entry: Pick<KbEntry, 'facts'>): NonNullable<KbEntry['facts']> {
  return [...(entry.facts ?? [])].sort((a, b) => a.date.localeCompare(b.date));
}
