import { useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryItem } from '@/lib/db/library';
import { loadSearch, storeSearch, syncSearch } from '@/lib/db/library-search';
import type { BackstoryDb } from '@/lib/db/schema';
import type { LibrarySearch } from '@/lib/library/search-index';

/** Writes to the stored index wait this long, so a burst of saves or deletes writes it once. */
const STORE_DELAY_MS = 1500;

/**
 * The library's search index, loaded from IndexedDB and kept in step with the saved articles: `items` changes
 * whenever the library does, and each change re-indexes only the articles whose saved copy changed.
 * `revision` increases after every update, so searches re-run.
 */
export function useLibrarySearch(db: BackstoryDb, items: readonly LibraryItem[] | undefined) {
  const [search, setSearch] = useState<LibrarySearch | undefined>(undefined);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  /** While many articles are (re)indexed (the first open after an import): how far it got. */
  const [indexing, setIndexing] = useState<{ done: number; total: number } | undefined>(undefined);
  const storeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let alive = true;
    void loadSearch(db)
      .then((s) => alive && setSearch(s))
      .catch((e: unknown) => setError(String(e)));
    return () => {
      alive = false;
    };
  }, [db]);

  useEffect(() => {
    if (!search || !items) return;
    // One sync at a time: two overlapping ones would index the same articles twice.
    running.current = running.current.then(async () => {
      try {
        const changed = await syncSearch(db, search, (done, total) => {
          setIndexing({ done, total });
          setRevision((r) => r + 1);
        });
        setIndexing(undefined);
        setRevision((r) => r + 1);
        if (changed > 0) {
          clearTimeout(storeTimer.current);
          storeTimer.current = setTimeout(() => void storeSearch(db, search).catch(() => {}), STORE_DELAY_MS);
        }
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    });
  }, [search, items]);

  useEffect(() => () => clearTimeout(storeTimer.current), []);
  return { search, revision, error, indexing };
}
