import type { Facets, LibraryFilter } from '@/lib/library/filters';

export interface LibraryFiltersProps {
  query: string;
  filter: LibraryFilter;
  facets: Facets;
  /** The date inputs' values ("YYYY-MM-DD" or ""), kept as typed. */
  dates: { from: string; to: string };
  onQuery: (query: string) => void;
  onFilter: (filter: LibraryFilter) => void;
  onDates: (dates: { from: string; to: string }) => void;
}

/** The search box and the filters: site, tag, entity, saved between two dates. Props only. */
export function LibraryFilters({ query, filter, facets, dates, onQuery, onFilter, onDates }: LibraryFiltersProps) {
  const set = (patch: Partial<LibraryFilter>) => onFilter({ ...filter, ...patch });
  const active = filter.site || filter.tag || filter.entityId || dates.from || dates.to;
  return (
    <form class="filters" aria-label="Search and filters" onSubmit={(e) => e.preventDefault()}>
      <input
        type="search"
        class="search"
        name="q"
        placeholder="Search titles and text"
        aria-label="Search the library"
        value={query}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="filter-row">
        <label>
          Site{' '}
          <select
            value={filter.site ?? ''}
            onChange={(e) => set({ site: (e.currentTarget as HTMLSelectElement).value || undefined })}
          >
            <option value="">All</option>
            {facets.sites.map((s) => (
              <option key={s.value} value={s.value}>
                {s.value} ({s.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select
            value={filter.tag ?? ''}
            onChange={(e) => set({ tag: (e.currentTarget as HTMLSelectElement).value || undefined })}
          >
            <option value="">All</option>
            {facets.tags.map((t) => (
              <option key={t.value} value={t.value}>
                {t.value} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Names{' '}
          <select
            value={filter.entityId ?? ''}
            onChange={(e) => set({ entityId: (e.currentTarget as HTMLSelectElement).value || undefined })}
          >
            <option value="">All</option>
            {filter.entityId && !facets.entities.some((x) => x.id === filter.entityId) && (
              <option value={filter.entityId}>{filter.entityId}</option>
            )}
            {facets.entities.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name} ({x.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Saved from{' '}
          <input
            type="date"
            value={dates.from}
            onChange={(e) => onDates({ ...dates, from: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <label>
          to{' '}
          <input
            type="date"
            value={dates.to}
            onChange={(e) => onDates({ ...dates, to: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        {active && (
          <button
            type="button"
            onClick={() => {
              onFilter({});
              onDates({ from: '', to: '' });
            }}
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
