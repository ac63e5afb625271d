/** @module lib/panel/reading-memory — what the reader's other articles say about an entity. */

import type { ArticleName, ArticleRecord } from '../db/schema';
import type { EntityKind } from '../kb/types';

/** An entity that shares articles with another, and in how many. */
export interface CoMention {
  entityId: string;
  name: string;
  kind: EntityKind;
  articles: number;
}

type ArticleNames = Pick<ArticleRecord, 'id' | 'names'>;

/**
 * The entities that appear in the same articles as `entityId`, by the number of articles shared (most first,
 * then by name), at most `limit`. Only articles that mention `entityId` count; each counts once per entity.
 */
export function coMentions(articles: readonly ArticleNames[], entityId: string, limit = 8): CoMention[] {
  const counts = new Map<string, CoMention>();
  for (const article of articles) {
    if (!article.names.some((n) => n.entityId === entityId)) continue;
    const seen = new Set<string>();
    for (const n of article.names) {
      if (!n.entityId || n.entityId === entityId || seen.has(n.entityId)) continue;
      seen.add(n.entityId);
      const row = counts.get(n.entityId) ?? { entityId: n.entityId, name: n.name, kind: n.kind, articles: 0 };
      row.articles++;
      counts.set(n.entityId, row);
    }
  }
  return [...counts.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)).slice(0, limit);
}

/** One of the reader's articles, as "In your reading" lists it. */
export interface ReadingItem {
  id: string;
  url: string;
  title: string;
  site: string;
  /** When it was last visited or saved, whichever is later. */
  at: number;
  saved: boolean;
  /** Mentions of the entity in it. */
  count: number;
}

/** The articles other than `currentId` that mention `entityId`, newest first. */
export function otherArticles(
  articles: readonly Pick<ArticleRecord, 'id' | 'url' | 'title' | 'site' | 'visitedAt' | 'savedAt' | 'names'>[],
  entityId: string,
  currentId: string | undefined,
): ReadingItem[] {
  return articles
    .filter((a) => a.id !== currentId)
    .map((a) => {
      const name: ArticleName | undefined = a.names.find((n) => n.entityId === entityId);
      return {
        id: a.id,
        url: a.url,
        title: a.title,
        site: a.site,
        at: Math.max(a.visitedAt, a.savedAt ?? 0),
        saved: a.savedAt !== undefined,
        count: name?.count ?? 0,
      };
    })
    .filter((a) => a.count > 0)
    .sort((a, b) => b.at - a.at);
}
