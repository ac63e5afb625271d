/** @module lib/library/search-index — full-text search over the saved articles (MiniSearch, BM25+). */

import MiniSearch, { type SearchResult } from 'minisearch';
import { foldWord } from '../text/fold';

/** Bumped when tokenizing or fields change: a stored index of another format is rebuilt. */
export const SEARCH_INDEX_FORMAT = 1;

/** What is indexed of one article. */
export interface SearchDoc {
  id: string;
  title: string;
  text: string;
  site?: string;
  byline?: string;
}

export interface SearchHit {
  id: string;
  score: number;
  /** The query terms as matched in the index (folded), for showing why it matched. */
  terms: string[];
}

// Words of two letters or more, with the marks and apostrophes names carry (fold.ts drops the latter).
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\u02BC]*/gu;

/** Lower case, no diacritics, no apostrophes: "Ḩasakah" and "hasakah" are one term. */
export function foldTerm(term: string): string | null {
  const folded = foldWord(term);
  return folded.length > 0 ? folded : null;
}

function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

const OPTIONS = {
  idField: 'id',
  fields: ['title', 'text', 'site', 'byline'],
  storeFields: [] as string[],
  tokenize,
  processTerm: foldTerm,
  searchOptions: {
    // A word in the title says more about the article than one in its body.
    boost: { title: 3, byline: 1.5, site: 1.5, text: 1 },
    combineWith: 'AND' as const,
    // The last word is the one still being typed: it matches as a prefix ("evacu" finds "evacuated").
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
    // One misspelling in a long word ("govenor"). Not in shorter ones: there it matches too many other words,
    // and fuzzy expansion is the costliest part of a query over a large library.
    fuzzy: (term: string) => (term.length >= 7 ? 0.15 : false),
    maxFuzzy: 1,
    // Exact matches outrank prefix and fuzzy ones.
    weights: { fuzzy: 0.3, prefix: 0.6 },
  },
};

/** The library's search index: add, replace and remove articles one at a time; search with ranking. */
export class LibrarySearch {
  private readonly index: MiniSearch<SearchDoc>;
  /** [article id → the saved copy's updatedAt] for each indexed article. */
  private readonly versions: Map<string, number>;

  private constructor(index: MiniSearch<SearchDoc>, versions: Map<string, number>) {
    this.index = index;
    this.versions = versions;
  }

  static empty(): LibrarySearch {
    return new LibrarySearch(new MiniSearch<SearchDoc>(OPTIONS), new Map());
  }

  /** Restores a serialized index; null when it is of another format or unreadable (then rebuild). */
  static restore(stored: { format: number; index: string; versions: [string, number][] }): LibrarySearch | null {
    if (stored.format !== SEARCH_INDEX_FORMAT) return null;
    try {
      return new LibrarySearch(MiniSearch.loadJSON<SearchDoc>(stored.index, OPTIONS), new Map(stored.versions));
    } catch {
      return null;
    }
  }

  serialize(): { format: number; index: string; versions: [string, number][] } {
    return { format: SEARCH_INDEX_FORMAT, index: JSON.stringify(this.index), versions: [...this.versions] };
  }

  get size(): number {
    return this.versions.size;
  }

  versionOf(id: string): number | undefined {
    return this.versions.get(id);
  }

  /** Adds an article, or replaces its earlier version. */
  put(doc: SearchDoc, version: number): void {
    if (this.versions.has(doc.id)) this.index.discard(doc.id);
    this.index.add(doc);
    this.versions.set(doc.id, version);
  }

  remove(id: string): void {
    if (!this.versions.has(id)) return;
    this.index.discard(id);
    this.versions.delete(id);
  }

  /**
   * Which articles to (re)index and which to drop so the index holds exactly `current` ([id, version] pairs,
   * as lib/db/library.ts `savedVersions` lists them).
   */
  diff(current: readonly [string, number][]): { stale: string[]; gone: string[] } {
    const seen = new Set<string>();
    const stale: string[] = [];
    for (const [id, version] of current) {
      seen.add(id);
      if (this.versions.get(id) !== version) stale.push(id);
    }
    const gone = [...this.versions.keys()].filter((id) => !seen.has(id));
    return { stale, gone };
  }

  /**
   * The articles matching every word of `query` (the last as a prefix, long words with a typo allowed), best
   * first: BM25+ over title (boosted), body, site and byline, exact matches above prefix and fuzzy ones.
   * `allow` restricts the results (the list's other filters).
   */
  search(query: string, allow?: (id: string) => boolean, limit = Number.POSITIVE_INFINITY): SearchHit[] {
    if (!query.trim()) return [];
    const results: SearchResult[] = this.index.search(query, allow ? { filter: (r) => allow(r.id as string) } : {});
    return results.slice(0, limit).map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
  }
}
