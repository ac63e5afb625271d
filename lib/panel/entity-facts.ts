/** @module lib/panel/entity-facts — how the panel words an entry: country names, relations, links out. */

import type { EntityRecord } from '../db/schema';
import { QID_RE, qidOf } from '../kb/qid';
import type { KbEntry, RelationType } from '../kb/types';

const WIKIPEDIA_RE = /^https:\/\/[a-z-]+\.(?:m\.)?wikipedia\.org\/wiki\/[^\s]+$/;

/**
 * The entry's Wikipedia article: its own `wikipedia` link when it is one, else Wikidata's redirect to the
 * English article of its QID. Never fetched: only followed when the reader clicks.
 */
export function wikipediaUrl(entry: Pick<KbEntry, 'id' | 'wikipedia' | 'qid'>): string | undefined {
  if (entry.wikipedia && WIKIPEDIA_RE.test(entry.wikipedia)) return entry.wikipedia;
  const qid = qidOf(entry);
  if (qid && QID_RE.test(qid)) return `https://www.wikidata.org/wiki/Special:GoToLinkedPage/enwiki/${qid}`;
  return undefined;
}

const RELATION_LABEL: Record<RelationType, string> = {
  leads: 'Leads',
  'member-of': 'Member of',
  'part-of': 'Part of',
  'based-in': 'Based in',
  succeeded: 'Succeeded',
  'succeeded-by': 'Succeeded by',
  'led-by': 'Led by',
  'has-member': 'Member',
  'has-part': 'Includes',
  hosts: 'Hosts',
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

const RELATION_VERB: Record<RelationType, string> = {
  leads: 'leads',
  'led-by': 'is led by',
  'member-of': 'is a member of',
  'has-member': 'has as a member',
  'part-of': 'is part of',
  'has-part': 'includes',
  'based-in': 'is based in',
  hosts: 'hosts',
  succeeded: 'succeeded',
  'succeeded-by': 'was succeeded by',
};

/**
 * How the entry relates to the other entries of the article, as sentences ("Friedrich Merz leads Germany"),
 * for relations whose target the article also names.
 */
export function connectionsInArticle(
  entry: Pick<KbEntry, 'name' | 'relations'>,
  articleEntityIds: ReadonlySet<string>,
  targets: ReadonlyMap<string, Pick<EntityRecord, 'name'>>,
): { text: string; targetId: string }[] {
  const seen = new Set<string>();
  return (entry.relations ?? []).flatMap((r) => {
    const target = targets.get(r.target);
    const key = `${r.type}|${r.target}`;
    if (!target || !articleEntityIds.has(r.target) || seen.has(key)) return [];
    seen.add(key);
    return [{ text: `${entry.name} ${RELATION_VERB[r.type] ?? r.type} ${target.name}`, targetId: r.target }];
  });
}

/**
 * The aliases worth showing a reader (the index keeps them all for matching): not the name again in other
 * letters, not an inflected form of a shorter spelling ("Kievom", "Kievu" beside "Kiev"), Latin letters first,
 * at most `max`.
 */
export function readableAliases(entry: Pick<KbEntry, 'name' | 'aliases'>, max = 8): string[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const seen = new Set([fold(entry.name)]);
  const stems = [entry.name, ...entry.aliases].map(fold).filter((s) => !s.includes(' ') && s.length >= 4);
  const out: string[] = [];
  for (const alias of entry.aliases) {
    const key = fold(alias);
    if (seen.has(key)) continue;
    const inflected =
      !key.includes(' ') && stems.some((stem) => stem !== key && key.startsWith(stem) && key.length - stem.length <= 3);
    if (inflected) continue;
    seen.add(key);
    out.push(alias);
  }
  const latin = (s: string) => /^[\p{Script=Latin}\p{M}\d\s.'’&()-]+$/u.test(s);
  return [...out.filter(latin), ...out.filter((a) => !latin(a))].slice(0, max);
}
