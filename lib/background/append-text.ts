/** @module lib/background/append-text — adds text a page loaded later to the article's record. */

import { groupNames, toEntityRecord } from '../db/articles';
import type { ArticleName, BackstoryDb } from '../db/schema';
import type { KbEntry } from '../kb/types';
import type { Mention } from '../recognize/types';

/** The separator between the article's text and each added part, as the extractor separates paragraphs. */
const SEPARATOR = '\n\n';

export interface AppendInput {
  articleId: string;
  /** The added text; `mentions` are offsets into it. */
  text: string;
  mentions: Mention[];
  entries: KbEntry[];
  /** The longest the stored text may grow. */
  maxLength: number;
  now: number;
}

/**
 * Appends `text` to the article's stored text and merges its names into the article's list, with offsets
 * moved to where the text now starts. Text the record already holds is not added again (a page that
 * re-renders a block it showed before), and nothing is added past `maxLength`. One transaction.
 * Resolves to whether the record changed.
 */
export async function appendToArticle(db: BackstoryDb, input: AppendInput): Promise<boolean> {
  return db.transaction('rw', db.articles, db.entities, async () => {
    const article = await db.articles.get(input.articleId);
    if (!article || input.text.trim() === '' || article.text.includes(input.text)) return false;
    const base = article.text.length + SEPARATOR.length;
    if (base + input.text.length > input.maxLength) return false;
    const shifted = input.mentions.map((m) => ({ ...m, start: m.start + base, end: m.end + base }));
    const names = mergeNames(article.names, groupNames(shifted));
    await db.articles.update(input.articleId, {
      text: article.text + SEPARATOR + input.text,
      names,
      entityIds: names.flatMap((n) => (n.entityId ? [n.entityId] : [])),
    });
    const ids = input.entries.map((e) => e.id);
    const existing = await db.entities.bulkGet(ids);
    // Only entries the database lacks: a stored one is either the same shipped entry or the reader's own edit,
    // which is never overwritten (as in recordVisit).
    const fresh = input.entries.filter((_, i) => existing[i] === undefined);
    if (fresh.length > 0) await db.entities.bulkPut(fresh.map((e) => toEntityRecord(e, input.now)));
    return true;
  });
}

/** The article's names with the added ones merged in by key, keeping the order of first appearance. */
export function mergeNames(before: ArticleName[], added: ArticleName[]): ArticleName[] {
  const out = before.map((n) => ({ ...n, mentions: [...n.mentions] }));
  const byKey = new Map(out.map((n) => [n.key, n]));
  for (const name of added) {
    const row = byKey.get(name.key);
    if (row) {
      row.count += name.count;
      row.mentions.push(...name.mentions);
    } else {
      const copy = { ...name, mentions: [...name.mentions] };
      out.push(copy);
      byKey.set(copy.key, copy);
    }
  }
  return out;
}
