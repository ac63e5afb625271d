/** @module lib/db/articles — recording the articles the reader visits, with the names found in them. */

import type { KbEntry } from '../kb/types';
import type { Mention } from '../recognize/types';
import { foldKey } from '../text/fold';
import type { ArticleName, ArticleRecord, BackstoryDb, EntityRecord } from './schema';

export interface VisitInput {
  id: string;
  url: string;
  title: string;
  site: string;
  text: string;
  mentions: Mention[];
  /** The entries the mentions link to, so the panel can show them. */
  entries: KbEntry[];
  now: number;
}

/** Groups mentions into one row per entity (or unknown name), in order of first appearance. */
export function groupNames(mentions: Mention[]): ArticleName[] {
  const byKey = new Map<string, ArticleName>();
  for (const m of mentions) {
    const key = m.entityId ?? `unknown:${m.kind}:${foldKey(m.surface)}`;
    let row = byKey.get(key);
    if (!row) {
      row = { key, kind: m.kind, name: m.name ?? m.surface, count: 0, mentions: [] };
      if (m.entityId) row.entityId = m.entityId;
      byKey.set(key, row);
    }
    row.count++;
    row.mentions.push({ start: m.start, end: m.end });
  }
  return [...byKey.values()];
}

/** The stored form of a shipped knowledge-base entry. */
export function toEntityRecord(entry: KbEntry, now: number): EntityRecord {
  return { ...entry, origin: 'kb', updatedAt: now };
}

/**
 * Records a visit: the article (keeping its saved date and tags if it was seen before) and the
 * entries it links to that are not stored yet (so the panel can show them before the knowledge-base
 * install reaches them; stored entries, and the reader's edits, are left alone). One transaction.
 */
export async function recordVisit(db: BackstoryDb, input: VisitInput): Promise<ArticleRecord> {
  return db.transaction('rw', db.articles, db.entities, async () => {
    const previous = await db.articles.get(input.id);
    const names = groupNames(input.mentions);
    const record: ArticleRecord = {
      id: input.id,
      url: input.url,
      title: input.title,
      site: input.site,
      text: input.text,
      visitedAt: input.now,
      entityIds: names.flatMap((n) => (n.entityId ? [n.entityId] : [])),
      tags: previous?.tags ?? [],
      names,
    };
    if (previous?.savedAt !== undefined) record.savedAt = previous.savedAt;
    await db.articles.put(record);
    const ids = input.entries.map((e) => e.id);
    // Only entries not stored yet: the knowledge-base install owns the rest, and the reader's edits stay.
    const existing = await db.entities.bulkGet(ids);
    const fresh = input.entries.filter((_, i) => !existing[i]);
    await db.entities.bulkPut(fresh.map((e) => toEntityRecord(e, input.now)));
    return record;
  });
}

/** Most articles read for "In your reading" and co-mentions: enough for a reader's history, bounded for speed. */
export const MEMORY_LIMIT = 300;

/**
 * The articles (visited or saved) that link `entityId`, through the multi-entry `entityIds` index; at most
 * `limit`, the most recently visited ones when there are more.
 */
export async function articlesMentioning(
  db: BackstoryDb,
  entityId: string,
  limit = MEMORY_LIMIT,
): Promise<ArticleRecord[]> {
  const found = await db.articles.where('entityIds').equals(entityId).toArray();
  return found.sort((a, b) => b.visitedAt - a.visitedAt).slice(0, limit);
}
