import { useState } from 'preact/hooks';
import type { LibraryItem } from '@/lib/db/library';

export interface LibraryListProps {
  items: readonly LibraryItem[];
  /** Shown above the list: "12 articles", "3 found for …". */
  summary: string;
  onOpen: (id: string) => void;
  onDelete: (item: LibraryItem) => void;
  onSetTags: (id: string, tags: string[]) => void;
  onPickEntity: (entityId: string) => void;
  onPickTag: (tag: string) => void;
  /** At most this many rows are drawn; the rest are reached by searching or filtering. */
  limit?: number;
}

const DATE = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** The saved articles as rows: title, site, date, entity chips and tags. Props only. */
export function LibraryList({ items, summary, limit = 300, ...actions }: LibraryListProps) {
  const shown = items.slice(0, limit);
  return (
    <section class="list" aria-label="Saved articles">
      <p class="summary" role="status">
        {summary}
        {items.length > shown.length ? ` (showing the first ${shown.length}: search or filter to find the rest)` : ''}
      </p>
      <ul>
        {shown.map((item) => (
          <LibraryRow key={item.id} item={item} {...actions} />
        ))}
      </ul>
    </section>
  );
}

type RowProps = Omit<LibraryListProps, 'items' | 'summary' | 'limit'> & { item: LibraryItem };

function LibraryRow({ item, onOpen, onDelete, onSetTags, onPickEntity, onPickTag }: RowProps) {
  const [editing, setEditing] = useState(false);
  const commit = (value: string) => {
    setEditing(false);
    onSetTags(item.id, value.split(','));
  };
  return (
    <li class="item" data-article-id={item.id}>
      <div class="item-head">
        <a
          class="title"
          href={`?article=${encodeURIComponent(item.id)}`}
          onClick={(e) => {
            if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
            e.preventDefault();
            onOpen(item.id);
          }}
        >
          {item.title}
        </a>
        <button type="button" class="delete" aria-label={`Delete “${item.title}”`} onClick={() => onDelete(item)}>
          Delete
        </button>
      </div>
      <p class="meta">
        <span class="site">{item.site}</span> ·{' '}
        <time dateTime={new Date(item.savedAt).toISOString()}>{DATE.format(item.savedAt)}</time>
      </p>
      {item.names.length > 0 && (
        <p class="chips">
          {item.names.slice(0, 8).map((n) => (
            <button
              type="button"
              key={n.key}
              class={`chip ${n.kind}`}
              title={`Show the articles that name ${n.name}`}
              onClick={() => n.entityId && onPickEntity(n.entityId)}
            >
              {n.name}
            </button>
          ))}
        </p>
      )}
      <p class="tags">
        {editing ? (
          <input
            class="tag-input"
            aria-label="Tags, separated by commas"
            // biome-ignore lint/a11y/noAutofocus: the reader just asked to edit the tags.
            autoFocus
            value={item.tags.join(', ')}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit((e.currentTarget as HTMLInputElement).value);
              if (e.key === 'Escape') setEditing(false);
            }}
            onBlur={(e) => commit((e.currentTarget as HTMLInputElement).value)}
          />
        ) : (
          <>
            {item.tags.map((t) => (
              <button type="button" key={t} class="tag" onClick={() => onPickTag(t)}>
                #{t}
              </button>
            ))}
            <button type="button" class="edit-tags" onClick={() => setEditing(true)}>
              {item.tags.length ? 'Edit tags' : 'Add tags'}
            </button>
          </>
        )}
      </p>
    </li>
  );
}
