import { useState } from 'preact/hooks';
import type { ArticleName } from '@/lib/db/schema';
import { groupForPanel } from '@/lib/panel/entity-list';

interface Props {
  names: ArticleName[];
  selected?: string;
  onSelect: (key: string) => void;
}

/** Arrow keys, Home and End move between the entity buttons; Tab and Enter work as everywhere. */
function moveFocus(event: KeyboardEvent): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const container = event.currentTarget as HTMLElement;
  const buttons = [...container.querySelectorAll<HTMLButtonElement>('button.entity')];
  if (buttons.length === 0) return;
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  // From the filter box, Down goes to the first row: type, then arrow into the results.
  const fromFilter = (event.target as HTMLElement).matches?.('input[type="search"]');
  if (fromFilter && event.key !== 'ArrowDown') return;
  if (at < 0 && !fromFilter && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return;
  event.preventDefault();
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  buttons[next].focus();
}

/** The article's names grouped by kind (unknown names apart), most mentioned first, with a filter and counts. */
export function EntityGroups({ names, selected, onSelect }: Props) {
  const [query, setQuery] = useState('');
  const groups = groupForPanel(names, query);
  const shown = groups.reduce((sum, g) => sum + g.rows.length, 0);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys only move focus between the controls inside
    <div class="groups" onKeyDown={moveFocus}>
      <div class="filter">
        <input
          type="search"
          placeholder="Filter names"
          aria-label="Filter names"
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <span class="filter-count" aria-live="polite">
          {query ? `${shown} of ${names.length}` : `${names.length} names`}
        </span>
      </div>
      {groups.length === 0 && <p class="empty">No name matches “{query}”.</p>}
      <div class="group-list">
        {groups.map(({ id, title, rows }) => (
          <section key={id} class={`group group-${id}`} aria-label={title}>
            <h2>
              {title} <span class="count">{rows.length}</span>
            </h2>
            <ul aria-label={title}>
              {rows.map((row) => (
                <li key={row.key}>
                  <button
                    type="button"
                    class={`entity kind-${row.kind}${row.entityId ? '' : ' unlinked'}`}
                    data-entity-key={row.key}
                    aria-pressed={row.key === selected}
                    title={row.entityId ? undefined : `Not in the knowledge base (${row.kind})`}
                    onClick={() => onSelect(row.key)}
                  >
                    <span class="name">{row.name}</span>
                    <span class="mentions" title="mentions in this article">
                      <span class="visually-hidden">mentions: </span>
                      {row.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
