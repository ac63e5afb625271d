/** @module lib/db/schema — the one Dexie schema of Backstory's IndexedDB. Versions only ever append. */

import Dexie, { type EntityTable } from 'dexie';
import type { EntityKind, KbEntry } from '../kb/types';

/** One name as it appears in one article: a linked entity or an unknown name. */
export interface ArticleName {
  /** The entity id, or "unknown:<kind>:<folded name>" for an unlinked name. */
  key: string;
  entityId?: string;
  kind: EntityKind;
  /** The display name (the entry's name, or the name as written for an unknown one). */
  name: string;
  count: number;
  /** Offsets of each mention in the article's text. */
  mentions: { start: number; end: number }[];
}

/** An article the reader visited (and maybe saved). Keyed by canonical URL. */
export interface ArticleRecord {
  id: string;
  url: string;
  title: string;
  site: string;
  text: string;
  visitedAt: number;
  savedAt?: number;
  entityIds: string[];
  tags: string[];
  names: ArticleName[];
}

/** A knowledge-base entry as stored for the panel. */
export interface EntityRecord extends KbEntry {
  /** "kb" for shipped entries, "user" for ones the reader added or edited (never overwritten by upgrades). */
  origin: 'kb' | 'user';
  /** The knowledge-base version that wrote a shipped entry. */
  kbVersion?: string;
  updatedAt: number;
}

/** The reader's note on an entity, optionally tied to the article it was written on. */
export interface NoteRecord {
  id?: number;
  entityId: string;
  articleId?: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * The reader's correction of how a name is read, applied to every later analysis. `key` is the name as the
 * recognizer folds it (lib/text/fold.ts foldKey), so "Al-Qamishli" and "al Qamishli" share one correction.
 * - `link`: the name means `entityId` (another candidate, or an entry the reader added), not `wrongEntityId`;
 * - `not-entity`: the name is no entity at all (drop it);
 * - `add`: the reader added an unknown name to the knowledge base as `entityId` (an `origin: 'user'` entity).
 */
export interface CorrectionRecord {
  id?: number;
  key: string;
  action: 'link' | 'not-entity' | 'add';
  /** The name as the reader saw it. */
  surface: string;
  entityId?: string;
  wrongEntityId?: string;
  createdAt: number;
}

/**
 * The saved copy of an article, beside its `articles` record (same id), so listing the library never loads
 * the HTML. `html` is Readability's output, stored as parsed and sanitized (DOMPurify) again before display.
 */
export interface SavedPageRecord {
  id: string;
  html: string;
  byline?: string;
  publishedAt?: string;
  lang?: string;
  imageUrl?: string;
  excerpt?: string;
  /** The site's own name (og:site_name), when the page gives one. */
  siteName?: string;
  /**
   * The address without fragment or tracking parameters (lib/url.ts `canonicalUrl` without the canonical link):
   * the second dedupe key, so a page saved once with and once without a canonical link stays one record.
   */
  urlKey?: string;
  savedAt: number;
  updatedAt: number;
}

/**
 * The library's full-text search index (lib/library/search-index.ts), serialized, with the version of each
 * saved page it holds, so the library page updates it incrementally instead of rebuilding it on every open.
 */
export interface SearchIndexRecord {
  id: string;
  /** The index format (SEARCH_INDEX_FORMAT); a different one is rebuilt from the articles. */
  format: number;
  /** MiniSearch's JSON. */
  index: string;
  /** [article id, savedPages.updatedAt] for each indexed article. */
  versions: [string, number][];
}

/** Small facts about the database itself: the installed KB version, migrations done. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

export type BackstoryDb = Dexie & {
  articles: EntityTable<ArticleRecord, 'id'>;
  entities: EntityTable<EntityRecord, 'id'>;
  notes: EntityTable<NoteRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  corrections: EntityTable<CorrectionRecord, 'id'>;
  savedPages: EntityTable<SavedPageRecord, 'id'>;
  searchIndex: EntityTable<SearchIndexRecord, 'id'>;
};

export const DB_NAME = 'backstory';

/** Opens (declares) the database; Dexie opens it lazily on first use. */
export function openDb(name: string = DB_NAME): BackstoryDb {
  const db = new Dexie(name) as BackstoryDb;
  // Version 1. Never edit a released version: add version(2) with an upgrade and a migration test.
  db.version(1).stores({
    articles: 'id, url, site, visitedAt, savedAt, *entityIds, *tags',
    // Few indexes on purpose: each one slows the install of ~58,000 entries, and name lookups use the
    // background's in-memory index. Later versions add the indexes their features need.
    entities: 'id, origin',
    notes: '++id, entityId, articleId, createdAt',
    meta: 'key',
  });
  // Version 2: the reader's corrections (side panel) and saved copies of articles (library), with the library's
  // search index. New tables only, so no upgrade function: every version-1 record stays as it was.
  db.version(2).stores({
    corrections: '++id, key, entityId, createdAt',
    // urlKey: the second dedupe key; updatedAt: which saved copies the search index holds is read off it.
    savedPages: 'id, savedAt, updatedAt, urlKey',
    searchIndex: 'id',
  });
  return db;
}
