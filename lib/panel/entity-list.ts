/** @module lib/panel/entity-list — the panel's list of an article's names: groups, order and filter. */

import type { ArticleName } from '../db/schema';
import type { EntityKind } from '../kb/types';
import { foldKey } from '../text/fold';

export type GroupId = EntityKind | 'unknown';

export interface NameGroup {
  id: GroupId;
  title: string;
  rows: ArticleName[];
}

const GROUPS: { id: GroupId; title: string }[] = [
  { id: 'place', title: 'Places' },
  { id: 'person', title: 'People' },
  { id: 'organization', title: 'Organizations' },
  // Names the knowledge base does not know: shown apart, since nothing more can be said about them yet.
  { id: 'unknown', title: 'Unknown names' },
];

/** Most mentioned first; ties by name, so the order is stable as the page adds text. */
export function byMentions(a: ArticleName, b: ArticleName): number {
  return b.count - a.count || a.name.localeCompare(b.name);
}

/** True when the name contains the query, folded (case, accents and punctuation do not matter). */
export function matchesFilter(name: ArticleName, query: string): boolean {
  const wanted = foldKey(query);
  if (wanted === '') return true;
  return foldKey(name.name).includes(wanted);
}

/** The non-empty groups, in a fixed order, each sorted by mentions, after the filter. */
export function groupForPanel(names: readonly ArticleName[], query = ''): NameGroup[] {
  const shown = names.filter((n) => matchesFilter(n, query));
  return GROUPS.map(({ id, title }) => ({
    id,
    title,
    rows: shown.filter((n) => (id === 'unknown' ? !n.entityId : n.entityId && n.kind === id)).sort(byMentions),
  })).filter((g) => g.rows.length > 0);
}
