import { describe, expect, test } from 'vitest';
import { addNote, deleteNote, MAX_NOTE_LENGTH, notesFor, updateNote } from '../../../lib/db/notes';
import { openDb } from '../../../lib/db/schema';

const freshDb = () => openDb(`test-${crypto.randomUUID()}`);

describe('notes', () => {
  test('adds notes on an entity and lists them oldest first, trimmed', async () => {
    const db = freshDb();
    await addNote(db, { entityId: 'Q858', text: ' second ' }, 20);
    await addNote(db, { entityId: 'Q858', articleId: 'https://a.example/x', text: 'first' }, 10);
    await addNote(db, { entityId: 'Q796', text: 'other entity' }, 15);
    const notes = await notesFor(db, 'Q858');
    expect(notes.map((n) => [n.text, n.articleId])).toEqual([
      ['first', 'https://a.example/x'],
      ['second', undefined],
    ]);
  });

  test('edits a note and records when', async () => {
    const db = freshDb();
    const id = await addNote(db, { entityId: 'Q858', text: 'draft' }, 10);
    expect(await updateNote(db, id, 'final', 30)).toBe(true);
    expect(await db.notes.get(id)).toMatchObject({ text: 'final', createdAt: 10, updatedAt: 30 });
  });

  test('says so when the note to edit is gone', async () => {
    const db = freshDb();
    expect(await updateNote(db, 99, 'text', 1)).toBe(false);
  });

  test('deletes a note', async () => {
    const db = freshDb();
    const id = await addNote(db, { entityId: 'Q858', text: 'gone soon' }, 10);
    await deleteNote(db, id);
    expect(await notesFor(db, 'Q858')).toEqual([]);
  });

  test('refuses an empty note and cuts a huge one', async () => {
    const db = freshDb();
    await expect(addNote(db, { entityId: 'Q858', text: '   ' }, 1)).rejects.toThrow('needs some text');
    const id = await addNote(db, { entityId: 'Q858', text: 'x'.repeat(MAX_NOTE_LENGTH + 50) }, 1);
    expect((await db.notes.get(id))?.text.length).toBe(MAX_NOTE_LENGTH);
  });
});
