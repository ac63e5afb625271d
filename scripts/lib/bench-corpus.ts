/** Benchmark articles of a given size, made deterministically from the real news texts in ../shared/eval. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['geowebnews/geowebnews.jsonl', 'lgl/lgl.jsonl', 'conll2003/test.jsonl'];

function readTexts(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text.trim())
    .filter((t) => t.length > 0);
}

/** The documents of every source, taken in turn, so each article mixes outlets and styles. */
export function loadDocuments(evalDir: string): string[] {
  const lists = SOURCES.map((s) => readTexts(join(evalDir, s)));
  const docs: string[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) docs.push(list[i]);
  return docs;
}

/**
 * `count` articles of about `chars` characters: consecutive documents joined by blank lines, cut at the
 * last space before the size so no word is broken. Wraps around the pool when it runs out.
 */
export function buildArticles(docs: readonly string[], chars: number, count: number): string[] {
  const articles: string[] = [];
  let cursor = 0;
  for (let a = 0; a < count; a++) {
    let text = '';
    while (text.length < chars) {
      text += (text ? '\n\n' : '') + docs[cursor % docs.length];
      cursor++;
    }
    const cut = text.lastIndexOf(' ', chars);
    articles.push(text.slice(0, cut > chars * 0.9 ? cut : chars).trimEnd());
  }
  return articles;
}
