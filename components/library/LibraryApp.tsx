import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  type LibraryItem,
  listLibrary,
  type RemovedSave,
  removeFromLibrary,
  restoreToLibrary,
  setTags,
} from '@/lib/db/library';
import { exportLibrary, importLibrary } from '@/lib/db/library-transfer';
import type { BackstoryDb } from '@/lib/db/schema';
import { ImportError } from '@/lib/library/export-format';
import { dayEnd, dayStart, facetsOf, type LibraryFilter, matchesFilter } from '@/lib/library/filters';
import { isQuotaError, type StorageStatus, storageStatus } from '@/lib/library/storage';
import { blobOf, textChunks } from '@/lib/library/stream';
import { useLiveQuery } from '../use-live-query';
import { download } from './files';
import { LibraryFilters } from './LibraryFilters';
import { LibraryList } from './LibraryList';
import { ReaderView } from './ReaderView';
import { StorageBar } from './StorageBar';
import { useLibraryRoute } from './use-library-route';
import { useLibrarySearch } from './use-library-search';

/** How long "Undo" stays after a delete. */
const UNDO_MS = 10_000;

/** The library page: the list with search and filters, or one article in reader view (`?article=`). */
export function LibraryApp({ db }: { db: BackstoryDb }) {
  const [route, go] = useLibraryRoute();
  return route.articleId ? (
    <ReaderView db={db} articleId={route.articleId} onBack={() => go({})} />
  ) : (
    <LibraryHome db={db} onOpen={(articleId) => go({ articleId })} />
  );
}

function LibraryHome({ db, onOpen }: { db: BackstoryDb; onOpen: (id: string) => void }) {
  const items = useLiveQuery(() => listLibrary(db), []);
  const { search, revision, error: searchError, indexing } = useLibrarySearch(db, items);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [dates, setDates] = useState({ from: '', to: '' });
  const [storage, setStorage] = useState<StorageStatus | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [removed, setRemoved] = useState<RemovedSave | undefined>(undefined);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Ask once for persistent storage (the browser may otherwise evict the library), then keep the usage fresh.
  useEffect(() => {
    void storageStatus(navigator.storage, true).then(setStorage);
  }, []);
  useEffect(() => {
    void storageStatus(navigator.storage, false).then(setStorage);
  }, [items?.length]);

  const fullFilter: LibraryFilter = { ...filter, from: dayStart(dates.from), to: dayEnd(dates.to) };
  const facets = useMemo(() => facetsOf(items ?? []), [items]);
  const shown = useMemo(() => {
    if (!items) return undefined;
    if (!query.trim()) return items.filter((i) => matchesFilter(i, fullFilter));
    if (!search) return undefined;
    const byId = new Map(items.map((i) => [i.id, i]));
    const out: LibraryItem[] = [];
    for (const hit of search.search(query, (id) => {
      const item = byId.get(id);
      return item !== undefined && matchesFilter(item, fullFilter);
    })) {
      const item = byId.get(hit.id);
      if (item) out.push(item);
    }
    return out;
  }, [items, search, revision, query, JSON.stringify(fullFilter)]);

  const fail = (e: unknown, what: string) => {
    setNotice(undefined);
    setError(
      e instanceof ImportError
        ? e.message
        : isQuotaError(e)
          ? `Storage is full: ${what} failed. Nothing saved before was lost. Delete articles you no longer need and try again.`
          : `${what} failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  };

  const remove = async (item: LibraryItem) => {
    try {
      const taken = await removeFromLibrary(db, item.id);
      if (!taken) return;
      setRemoved(taken);
      clearTimeout(undoTimer.current);
      undoTimer.current = setTimeout(() => setRemoved(undefined), UNDO_MS);
    } catch (e) {
      fail(e, 'Deleting');
    }
  };
  const undo = async () => {
    if (!removed) return;
    clearTimeout(undoTimer.current);
    setRemoved(undefined);
    try {
      await restoreToLibrary(db, removed);
    } catch (e) {
      fail(e, 'Undo');
    }
  };

  const exportAll = async () => {
    setBusy('Exporting…');
    setError(undefined);
    try {
      const now = new Date();
      const blob = await blobOf(exportLibrary(db, { now, app: 'Backstory' }), 'application/json');
      download(blob, `backstory-library-${now.toISOString().slice(0, 10)}.json`);
      setNotice(`Exported ${items?.length ?? 0} articles.`);
    } catch (e) {
      fail(e, 'Export');
    } finally {
      setBusy(undefined);
    }
  };
  const importFile = async (file: File) => {
    setBusy('Checking the file…');
    setError(undefined);
    setNotice(undefined);
    try {
      const summary = await importLibrary(
        db,
        () => textChunks(file),
        (done, total) => setBusy(`Importing… ${done} of ${total}`),
      );
      const r = summary.read;
      setNotice(
        `Imported ${file.name}: ${r.articles} articles, ${r.notes} notes, ${r.corrections} corrections, ` +
          `${r.entities} entries of yours (${summary.written.articles} articles new or updated, the rest already here).`,
      );
    } catch (e) {
      fail(e, 'Import');
    } finally {
      setBusy(undefined);
    }
  };

  const summary =
    items === undefined
      ? 'Loading…'
      : items.length === 0
        ? 'Nothing saved yet. Save an article from the toolbar popup, the side panel, the page’s context menu or Alt+Shift+S.'
        : shown === undefined
          ? 'Preparing search…'
          : query.trim()
            ? `${shown.length} found for “${query.trim()}”${
                indexing ? ` (indexing the library: ${indexing.done} of ${indexing.total} articles so far)` : ''
              }`
            : `${shown.length} of ${items.length} articles`;

  return (
    <div class="library">
      <header class="library-head">
        <h1>Library</h1>
        <StorageBar
          status={storage}
          busy={busy}
          error={error ?? (searchError && `Search is unavailable: ${searchError}`)}
          notice={notice}
          onExport={() => void exportAll()}
          onImport={(file) => void importFile(file)}
        />
      </header>
      <LibraryFilters
        query={query}
        filter={filter}
        facets={facets}
        dates={dates}
        onQuery={setQuery}
        onFilter={setFilter}
        onDates={setDates}
      />
      <LibraryList
        items={shown ?? []}
        summary={summary}
        onOpen={onOpen}
        onDelete={(item) => void remove(item)}
        onSetTags={(id, tags) => void setTags(db, id, tags).catch((e: unknown) => fail(e, 'Saving the tags'))}
        onPickEntity={(entityId) => setFilter({ ...filter, entityId })}
        onPickTag={(tag) => setFilter({ ...filter, tag })}
      />
      {removed && (
        <div class="toast" role="status">
          Deleted “{removed.title}”.{' '}
          <button type="button" class="undo" onClick={() => void undo()}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
