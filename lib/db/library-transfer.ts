/** @module lib/db/library-transfer — exporting the library to its JSON format and importing it back, merged. */

import {
  EXPORT_TABLES,
  type ExportRecordMap,
  type ExportTable,
  fileEnd,
  headerLine,
  ImportError,
  readExport,
  recordLine,
  sectionEnd,
  sectionStart,
} from '../library/export-format';
import { isQuotaError } from '../library/storage';
import type { ArticleRecord, BackstoryDb, CorrectionRecord, EntityRecord, NoteRecord } from './schema';

/** Records read and written per transaction: small enough to keep memory flat, big enough to be quick. */
const BATCH = 250;

/**
 * The whole library in the export format, as text chunks of about one batch each (feed them to a Blob).
 * Saved articles and their saved copies, the articles the reader's notes point at, all notes and corrections,
 * and the reader's own entities. Reads in batches: memory holds one batch, not the library.
 */
export async function* exportLibrary(db: BackstoryDb, options: { now: Date; app?: string }): AsyncGenerator<string> {
  yield headerLine(options.now, options.app);
  const savedIds = (await db.articles.where('savedAt').above(0).primaryKeys()) as string[];
  const noted = new Set((await db.notes.orderBy('articleId').keys()) as string[]);
  const saved = new Set(savedIds);
  const articleIds = [...savedIds, ...[...noted].filter((id) => !saved.has(id))];

  yield sectionStart('articles', true);
  yield* batches(articleIds, (ids) => db.articles.bulkGet(ids));
  yield sectionEnd();
  yield sectionStart('savedPages', false);
  yield* batches(savedIds, (ids) => db.savedPages.bulkGet(ids));
  yield sectionEnd();
  yield sectionStart('notes', false);
  yield* batches((await db.notes.toCollection().primaryKeys()) as number[], (ids) => db.notes.bulkGet(ids));
  yield sectionEnd();
  yield sectionStart('corrections', false);
  yield* batches((await db.corrections.toCollection().primaryKeys()) as number[], (ids) => db.corrections.bulkGet(ids));
  yield sectionEnd();
  yield sectionStart('entities', false);
  yield* batches((await db.entities.where('origin').equals('user').primaryKeys()) as string[], (ids) =>
    db.entities.bulkGet(ids),
  );
  yield sectionEnd();
  yield fileEnd();
}

async function* batches<K, T>(keys: K[], read: (keys: K[]) => Promise<(T | undefined)[]>): AsyncGenerator<string> {
  let first = true;
  for (let i = 0; i < keys.length; i += BATCH) {
    const records = await read(keys.slice(i, i + BATCH));
    let chunk = '';
    for (const record of records) {
      if (record === undefined) continue; // deleted while exporting
      chunk += recordLine(record, first);
      first = false;
    }
    if (chunk) yield chunk;
  }
}

export type ImportCounts = Record<ExportTable, number>;

export interface ImportSummary {
  /** Records in the file, per section. */
  read: ImportCounts;
  /** Records added or updated, per section (the rest were already there). */
  written: ImportCounts;
}

const zero = (): ImportCounts => ({ articles: 0, savedPages: 0, notes: 0, corrections: 0, entities: 0 });

/**
 * Imports an export, merged into the library: a record already there is kept (or updated when the file's is
 * newer), tags are united, notes and corrections already present are not added twice. `open` is called twice:
 * the whole file is validated first, and nothing is written unless all of it is valid. Throws `ImportError`
 * with a message for the reader; on a full disk, says how far it got (what was there before is untouched).
 */
export async function importLibrary(
  db: BackstoryDb,
  open: () => AsyncIterable<string>,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const read = zero();
  for await (const item of readExport(open())) {
    if (item.kind === 'record') read[item.table]++;
  }
  const total = EXPORT_TABLES.reduce((n, t) => n + read[t], 0);
  const written = zero();
  const pending: { [T in ExportTable]: ExportRecordMap[T][] } = {
    articles: [],
    savedPages: [],
    notes: [],
    corrections: [],
    entities: [],
  };
  let done = 0;
  const flush = async (table: ExportTable) => {
    const records = pending[table];
    if (!records.length) return;
    pending[table] = [];
    try {
      written[table] += await MERGE[table](db, records as never);
    } catch (error) {
      if (isQuotaError(error)) {
        throw new ImportError(
          `Storage is full: the import stopped after ${done} of ${total} records. What was in the library before ` +
            'is unchanged. Free some space (delete saved articles you no longer need) and import again: ' +
            'records already imported are not duplicated.',
        );
      }
      throw error;
    }
    done += records.length;
    onProgress?.(done, total);
  };
  for await (const item of readExport(open())) {
    if (item.kind !== 'record') continue;
    (pending[item.table] as unknown[]).push(item.record);
    if (pending[item.table].length >= BATCH) await flush(item.table);
  }
  for (const table of EXPORT_TABLES) await flush(table);
  return { read, written };
}

type Merge<T> = (db: BackstoryDb, records: T[]) => Promise<number>;

const MERGE: { [T in ExportTable]: Merge<ExportRecordMap[T]> } = {
  articles: (db, records) =>
    db.transaction('rw', db.articles, async () => {
      const existing = await db.articles.bulkGet(records.map((r) => r.id));
      const out: ArticleRecord[] = [];
      records.forEach((record, i) => {
        const merged = mergeArticle(existing[i], record);
        if (merged) out.push(merged);
      });
      await db.articles.bulkPut(out);
      return out.length;
    }),
  savedPages: (db, records) =>
    db.transaction('rw', db.savedPages, async () => {
      // The copy on this device wins: an imported file never replaces a saved page the reader has.
      const existing = await db.savedPages.bulkGet(records.map((r) => r.id));
      const out = records.filter((_, i) => !existing[i]);
      await db.savedPages.bulkPut(out);
      return out.length;
    }),
  notes: (db, records) =>
    db.transaction('rw', db.notes, async () => {
      const have = await db.notes
        .where('entityId')
        .anyOf([...new Set(records.map((r) => r.entityId))])
        .toArray();
      return addNew(db.notes, records, have, noteSignature);
    }),
  corrections: (db, records) =>
    db.transaction('rw', db.corrections, async () => {
      const have = await db.corrections
        .where('key')
        .anyOf([...new Set(records.map((r) => r.key))])
        .toArray();
      return addNew(db.corrections, records, have, correctionSignature);
    }),
  entities: (db, records) =>
    db.transaction('rw', db.entities, async () => {
      // The local entry wins on an id both have.
      const existing = await db.entities.bulkGet(records.map((r) => r.id));
      const out = records.filter((_, i) => !existing[i]) as EntityRecord[];
      await db.entities.bulkPut(out);
      return out.length;
    }),
};

/**
 * An article from the file merged with the one stored (null: nothing to change). The stored text wins unless
 * only the file's copy is saved; tags are united; the first save date and the last visit are kept.
 */
export function mergeArticle(stored: ArticleRecord | undefined, incoming: ArticleRecord): ArticleRecord | null {
  if (!stored) return incoming;
  const base = stored.savedAt === undefined && incoming.savedAt !== undefined ? incoming : stored;
  const tags = [...stored.tags];
  for (const t of incoming.tags) if (!tags.includes(t)) tags.push(t);
  const saves = [stored.savedAt, incoming.savedAt].filter((t): t is number => t !== undefined);
  const merged: ArticleRecord = { ...base, tags, visitedAt: Math.max(stored.visitedAt, incoming.visitedAt) };
  if (saves.length) merged.savedAt = Math.min(...saves);
  return JSON.stringify(merged) === JSON.stringify(stored) ? null : merged;
}

function noteSignature(n: NoteRecord): string {
  return JSON.stringify([n.entityId, n.articleId ?? null, n.text, n.createdAt]);
}

function correctionSignature(c: CorrectionRecord): string {
  return JSON.stringify([c.key, c.action, c.surface, c.entityId ?? null, c.wrongEntityId ?? null, c.createdAt]);
}

/** Largest id an imported note or correction keeps; others are re-keyed (far below the key generator's 2^53). */
export const MAX_KEPT_ID = 2 ** 32;

function keepableId(id: number | undefined): id is number {
  return id !== undefined && Number.isSafeInteger(id) && id >= 1 && id <= MAX_KEPT_ID;
}

/** Adds the records whose signature is not stored yet; keeps a record's id when that id is free and ordinary. */
async function addNew<T extends { id?: number }>(
  table: {
    bulkGet(keys: number[]): Promise<(T | undefined)[]>;
    add(item: T): Promise<unknown>;
    put(item: T): Promise<unknown>;
  },
  records: T[],
  have: T[],
  signature: (r: T) => string,
): Promise<number> {
  const known = new Set(have.map(signature));
  const fresh = records.filter((r) => {
    const s = signature(r);
    if (known.has(s)) return false;
    known.add(s);
    return true;
  });
  // An id is kept only when it is an ordinary key: a huge one (2^53, 1e999) would exhaust the key generator,
  // so no note could be added again.
  const withIds = fresh.filter((r) => keepableId(r.id));
  const taken = await table.bulkGet(withIds.map((r) => r.id as number));
  const free = new Set(withIds.filter((_, i) => !taken[i]).map((r) => r.id));
  // Records keeping their ids first: an added record takes the next free id, which may be one of theirs.
  for (const r of fresh) if (keepableId(r.id) && free.has(r.id)) await table.put(r);
  for (const r of fresh) {
    if (keepableId(r.id) && free.has(r.id)) continue;
    const { id: _id, ...rest } = r;
    await table.add(rest as T);
  }
  return fresh.length;
}
