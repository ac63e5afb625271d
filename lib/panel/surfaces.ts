/** @module lib/panel/surfaces — the ways an article writes one name, which corrections are keyed by. */

import type { ArticleName, ArticleRecord } from '../db/schema';
import { foldKey } from '../text/fold';

/** The distinct ways the article writes a name, in order of first appearance ("U.S.", "US"), folded apart. */
export function surfacesOf(article: Pick<ArticleRecord, 'text'> | undefined, name: ArticleName | undefined): string[] {
  if (!name) return [];
  if (!article) return [name.name];
  const seen = new Map<string, string>();
  for (const m of [...name.mentions].sort((a, b) => a.start - b.start)) {
    const surface = article.text.slice(m.start, m.end).replace(/\s+/g, ' ').trim();
    const key = foldKey(surface);
    if (key && !seen.has(key)) seen.set(key, surface);
  }
  return seen.size > 0 ? [...seen.values()] : [name.name];
}
