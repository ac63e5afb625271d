/** @module lib/db/notes — the reader's notes on entities: add, edit, delete, list. */

import type { BackstoryDb, NoteRecord } from './schema';

/** Longest note kept: a note is a few lines, and a pasted page should not bloat every backup. */
export const MAX_NOTE_LENGTH = 10_000;

/** The note's text as stored: trimmed and cut to the maximum; an empty note is refused. */
function cleanText(text: string): string {
  const clean = text.trim().slice(0, MAX_NOTE_LENGTH);
  if (clean === '') throw new Error('a note needs some text');
  return clean;
}

/** Adds a note on an entity (optionally tied to the article it was written on); resolves to its id. */
export async function addNote(
  db: BackstoryDb,
  note: { entityId: string; articleId?: string; text: string },
  now: number,
): Promise<number> {
  const record: NoteRecord = { entityId: note.entityId, text: cleanText(note.text), createdAt: now, updatedAt: now };
  if (note.articleId) record.articleId = note.articleId;
  return (await db.notes.add(record)) as number;
}

/** Replaces a note's text; resolves to false when the note is gone (deleted in another panel). */
export async function updateNote(db: BackstoryDb, id: number, text: string, now: number): Promise<boolean> {
  return (await db.notes.update(id, { text: cleanText(text), updatedAt: now })) === 1;
}

export async function deleteNote(db: BackstoryDb, id: number): Promise<void> {
  await db.notes.delete(id);
}

/** An entity's notes, oldest first (the order they were written in). */
export async function notesFor(db: BackstoryDb, entityId: string): Promise<NoteRecord[]> {
  const notes = await db.notes.where('entityId').equals(entityId).toArray();
  return notes.sort((a, b) => a.createdAt - b.createdAt || (a.id ?? 0) - (b.id ?? 0));
}
