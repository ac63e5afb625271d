/** @module lib/db/corrections — storing the reader's corrections and the entries they add to the knowledge base. */

import type { EntityKind, KbEntry } from '../kb/types';
import { foldKey } from '../text/fold';
import type { BackstoryDb, CorrectionRecord, EntityRecord } from './schema';

/** All corrections: a reader makes a handful, so every analysis reads them whole. */
export function loadCorrections(db: BackstoryDb): Promise<CorrectionRecord[]> {
  return db.corrections.toArray();
}

/** The entries the reader added (and any shipped ones they edited): the in-memory name index lacks them. */
export function userEntities(db: BackstoryDb): Promise<EntityRecord[]> {
  return db.entities.where('origin').equals('user').toArray();
}

/** Everything a later analysis needs to apply the reader's corrections, read in one transaction. */
export async function loadCorrectionData(
  db: BackstoryDb,
): Promise<{ corrections: CorrectionRecord[]; entities: EntityRecord[] }> {
  return db.transaction('r', db.corrections, db.entities, async () => {
    const corrections = await loadCorrections(db);
    // Most readers never correct anything: skip the entities query then.
    const entities = corrections.length > 0 ? await userEntities(db) : [];
    return { corrections, entities };
  });
}

/** Stores a correction in place of any earlier one for the same name; resolves to the stored record. */
async function putCorrection(
  db: BackstoryDb,
  correction: Omit<CorrectionRecord, 'id' | 'key'>,
): Promise<CorrectionRecord> {
  const key = foldKey(correction.surface);
  if (key === '') throw new Error('a correction needs a name');
  const record: CorrectionRecord = { ...correction, key };
  return db.transaction('rw', db.corrections, async () => {
    await db.corrections.where('key').equals(key).delete();
    record.id = (await db.corrections.add(record)) as number;
    return record;
  });
}

/** "Not an entity": the name as written is no place or actor; later analyses drop it. */
export function markNotEntity(
  db: BackstoryDb,
  surface: string,
  now: number,
  wrongEntityId?: string,
): Promise<CorrectionRecord> {
  return putCorrection(db, {
    action: 'not-entity',
    surface,
    createdAt: now,
    ...(wrongEntityId ? { wrongEntityId } : {}),
  });
}

/** "Not this one": the name means `entityId`, not the entry it was linked to (if any). */
export function linkName(
  db: BackstoryDb,
  surface: string,
  entityId: string,
  now: number,
  wrongEntityId?: string,
): Promise<CorrectionRecord> {
  return putCorrection(db, {
    action: 'link',
    surface,
    entityId,
    createdAt: now,
    ...(wrongEntityId ? { wrongEntityId } : {}),
  });
}

export interface NewEntry {
  /** The name as the article wrote it (the correction's key). */
  surface: string;
  /** The name to show (defaults to the surface). */
  name?: string;
  kind: EntityKind;
  /** The reader's note: kept as the entry's description. */
  note?: string;
}

/** Id of an entry the reader added: namespaced so it never meets a QID or a GeoNames id. */
export function userEntityId(name: string, now: number): string {
  const slug = foldKey(name).replace(/ /g, '-').slice(0, 60) || 'entry';
  return `user:${slug}-${now.toString(36)}`;
}

/**
 * "Add to knowledge base": stores an `origin: 'user'` entity for an unknown name and an `add` correction, so
 * later analyses link the name (and find it where the recognizer did not). One transaction; resolves to both.
 */
export async function addToKnowledgeBase(
  db: BackstoryDb,
  input: NewEntry,
  now: number,
): Promise<{ entity: EntityRecord; correction: CorrectionRecord }> {
  const name = (input.name ?? input.surface).trim().slice(0, 200);
  if (name === '' || foldKey(input.surface) === '') throw new Error('a new entry needs a name');
  const entity: EntityRecord = {
    id: userEntityId(name, now),
    kind: input.kind,
    subtype: 'added by you',
    name,
    aliases: input.surface.trim() !== name ? [input.surface.trim()] : [],
    source: 'reader',
    origin: 'user',
    updatedAt: now,
  };
  const note = input.note?.trim().slice(0, 2000);
  if (note) entity.description = note;
  return db.transaction('rw', db.entities, db.corrections, async () => {
    await db.entities.add(entity);
    const correction = await putCorrection(db, {
      action: 'add',
      surface: input.surface,
      entityId: entity.id,
      createdAt: now,
    });
    return { entity, correction };
  });
}

/** Undoes a correction: later analyses read the name as the recognizer does. An added entry stays. */
export async function removeCorrection(db: BackstoryDb, id: number): Promise<void> {
  await db.corrections.delete(id);
}

/** The correction that holds for a name as written, if any. */
export async function correctionFor(db: BackstoryDb, surface: string): Promise<CorrectionRecord | undefined> {
  const found = await db.corrections.where('key').equals(foldKey(surface)).toArray();
  return found.sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** True when `entry` carries the folded name `key` (as its name or one of its aliases). */
export function entryHasName(entry: Pick<KbEntry, 'name' | 'aliases'>, key: string): boolean {
  if (foldKey(entry.name) === key) return true;
  return entry.aliases.some((alias) => foldKey(alias) === key);
}

/**
 * The stored entries that carry a name: the candidates a reader can choose from for "not this one".
 * A scan of the entities table (the name index lives in the background worker): run on demand only.
 * Most prominent first; at most `limit`.
 */
export async function findCandidates(db: BackstoryDb, name: string, limit = 20): Promise<EntityRecord[]> {
  const key = foldKey(name);
  if (key === '') return [];
  // foldKey takes a fast path for plain ASCII names, which most entries are.
  const found = await db.entities.filter((e) => entryHasName(e, key)).toArray();
  return found
    .sort((a, b) => (b.prominence ?? 0) - (a.prominence ?? 0) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
