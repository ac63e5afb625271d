/** @module lib/kb/relations — relation types and their other side ("leads" ↔ "led-by"). */

import type { KbEntry, Relation, RelationType } from './types';

/** The relations as the sources state them; each has a derived other side. */
export const FORWARD_TYPES = ['leads', 'member-of', 'part-of', 'based-in', 'succeeded'] as const;

/** Each relation type's other side. */
export const INVERSE_OF: Readonly<Record<RelationType, RelationType>> = {
  leads: 'led-by',
  'led-by': 'leads',
  'member-of': 'has-member',
  'has-member': 'member-of',
  'part-of': 'has-part',
  'has-part': 'part-of',
  'based-in': 'hosts',
  hosts: 'based-in',
  succeeded: 'succeeded-by',
  'succeeded-by': 'succeeded',
};

export function isForward(type: RelationType): boolean {
  return (FORWARD_TYPES as readonly string[]).includes(type);
}

/**
 * Whether a relation's other side is stored on its target. The gazetteer's own hierarchy (a GeoNames town
 * part of its region, a region of its country) is not: a country would list thousands of towns.
 */
export function storesInverse(source: Pick<KbEntry, 'id'>, relation: Relation): boolean {
  return !(relation.type === 'part-of' && /^(?:gn|adm1):/.test(source.id));
}

/**
 * The entries with the other side of every relation added to its target ("X leads Y" gives Y "led by X"),
 * in a stable order: targets gain relations in the order of their sources' ids.
 */
export function withInverseRelations(entries: readonly KbEntry[]): KbEntry[] {
  const ids = new Set(entries.map((e) => e.id));
  const gained = new Map<string, Relation[]>();
  const sources = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const source of sources) {
    for (const relation of source.relations ?? []) {
      if (!isForward(relation.type) || !ids.has(relation.target) || !storesInverse(source, relation)) continue;
      const list = gained.get(relation.target) ?? [];
      list.push({ type: INVERSE_OF[relation.type], target: source.id });
      gained.set(relation.target, list);
    }
  }
  return entries.map((e) => {
    const extra = gained.get(e.id);
    if (!extra) return e;
    const own = e.relations ?? [];
    const fresh = extra.filter((r) => !own.some((o) => o.type === r.type && o.target === r.target));
    return fresh.length > 0 ? { ...e, relations: [...own, ...fresh] } : e;
  });
}
