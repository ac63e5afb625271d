import type { ArticleName } from '@/lib/db/schema';
import type { EntityKind } from '@/lib/kb/types';

const GROUPS: { kind: EntityKind; title: string }[] = [
  { kind: 'place', title: 'Places' },
  { kind: 'person', title: 'People' },
  { kind: 'organization', title: 'Organizations' },
];

interface Props {
  names: ArticleName[];
  selected?: string;
  onSelect: (key: string) => void;
}

/** The article's names grouped by kind, most mentioned first, with mention counts. */
export function EntityGroups({ names, selected, onSelect }: Props) {
  return (
    <div class="groups">
      {GROUPS.map(({ kind, title }) => {
        const rows = names
          .filter((n) => n.kind === kind)
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
        if (rows.length === 0) return null;
        return (
          <section key={kind} class={`group group-${kind}`} aria-label={title}>
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
                    onClick={() => onSelect(row.key)}
                  >
                    <span class="name">{row.name}</span>
                    <span class="mentions" title="mentions in this article">
                      {row.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
