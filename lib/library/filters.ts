/** @module lib/library/filters — narrowing the library list by site, tag, entity and date, and the choices. */

import type { LibraryItem } from '../db/library';
import type { EntityKind } from '../kb/types';

export interface LibraryFilter {
  site?: string;
  tag?: string;
  entityId?: string;
  /** Saved on or after this time (ms). */
  from?: number;
  /** Saved before this time (ms). */
  to?: number;
}

export function matchesFilter(item: LibraryItem, filter: LibraryFilter): boolean {
  if (filter.site && item.site !== filter.site) return false;
  if (filter.tag && !item.tags.includes(filter.tag)) return false;
  if (filter.entityId && !item.entityIds.includes(filter.entityId)) return false;
  if (filter.from !== undefined && item.savedAt < filter.from) return false;
  if (filter.to !== undefined && item.savedAt >= filter.to) return false;
  return true;
}

export interface Facets {
  sites: { value: string; count: number }[];
  tags: { value: string; count: number }[];
  entities: { id: string; name: string; kind: EntityKind; count: number }[];
}

/** The values the filters offer, with how many articles have each, most common first. */
export function facetsOf(items: readonly LibraryItem[], maxEntities = 200): Facets {
  const sites = new Map<string, number>();
  const tags = new Map<string, number>();
  const entities = new Map<string, { id: string; name: string; kind: EntityKind; count: number }>();
  for (const item of items) {
    sites.set(item.site, (sites.get(item.site) ?? 0) + 1);
    for (const t of item.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    for (const n of item.names) {
      if (!n.entityId) continue;
      const e = entities.get(n.entityId);
      if (e) e.count++;
      else entities.set(n.entityId, { id: n.entityId, name: n.name, kind: n.kind, count: 1 });
    }
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    sites: sorted(sites),
    tags: sorted(tags),
    entities: [...entities.values()]
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, maxEntities),
  };
}

/** A date input's value ("2024-01-17") as the start of that day in local time, or undefined. */
export function dayStart(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : undefined;
}

/** The end of a date input's day (the start of the next), for an inclusive "to" date. */
export function dayEnd(value: string): number | undefined {
  const start = dayStart(value);
  return start === undefined ? undefined : new Date(start).setDate(new Date(start).getDate() + 1);
}
