import { useState } from 'preact/hooks';
import type { NoteRecord } from '@/lib/db/schema';

interface Props {
  notes: NoteRecord[];
  onAdd: (text: string) => Promise<unknown>;
  onUpdate: (id: number, text: string) => Promise<unknown>;
  onDelete: (id: number) => Promise<unknown>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function NoteItem({ note, onUpdate, onDelete }: { note: NoteRecord } & Pick<Props, 'onUpdate' | 'onDelete'>) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  const id = note.id as number;
  if (draft !== null) {
    return (
      <li class="note editing">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onUpdate(id, draft).then(
              () => setDraft(null),
              (err) => setError(messageOf(err)),
            );
          }}
        >
          <textarea
            aria-label="Edit note"
            value={draft}
            rows={3}
            onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <div class="row">
            <button type="submit">Save</button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </form>
      </li>
    );
  }
  return (
    <li class="note">
      <p class="note-text">{note.text}</p>
      <div class="row">
        <button type="button" class="link" onClick={() => setDraft(note.text)}>
          Edit
        </button>
        <button type="button" class="link danger" onClick={() => void onDelete(id)}>
          Delete
        </button>
      </div>
    </li>
  );
}

/** The reader's notes on an entity: list, add, edit, delete. Kept in IndexedDB, on this device only. */
export function NotesSection({ notes, onAdd, onUpdate, onDelete }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  return (
    <section class="notes" aria-label="Your notes">
      <h3>Your notes</h3>
      {notes.length > 0 && (
        <ul>
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} onUpdate={onUpdate} onDelete={onDelete} />
          ))}
        </ul>
      )}
      <form
        class="add-note"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() === '') return;
          onAdd(text).then(
            () => {
              setText('');
              setError('');
            },
            (err) => setError(messageOf(err)),
          );
        }}
      >
        <textarea
          aria-label="New note"
          placeholder="Add a note…"
          rows={2}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="submit" disabled={text.trim() === ''}>
          Add note
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
