/** @module lib/db/install-kb — writes the shipped knowledge base into IndexedDB in chunks, resumably. */

import type { KbEntry } from '../kb/types';
import { toEntityRecord } from './articles';
import type { BackstoryDb } from './schema';

/** The install's progress and outcome, kept in `meta` under KB_META_KEY for the panel to show. */
export interface KbInstallState {
  version: string;
  status: 'installing' | 'done' | 'failed';
  /** Entries written so far (the install resumes from here). */
  written: number;
  total: number;
  error?: string;
  /** When this version's install began (kept across resumes), and when the state last changed. */
  startedAt: number;
  updatedAt: number;
}

export const KB_META_KEY = 'kb';
export const DEFAULT_CHUNK_SIZE = 5000;

export interface InstallOptions {
  chunkSize?: number;
  now?: () => number;
  /** Called between chunks so other work (analysis) gets its turn. */
  pause?: () => Promise<void>;
}

/**
 * Installs `entries` as knowledge-base version `version`. Skips the work when that version is
 * already installed, resumes a half-done install, never touches entries the reader made or edited
 * (origin "user"), and removes shipped entries the new version no longer has. A write error (a
 * full disk) is recorded as a failed state and rethrown; calling again later retries from there.
 */
export async function installKb(
  db: BackstoryDb,
  entries: readonly KbEntry[],
  version: string,
  options: InstallOptions = {},
): Promise<KbInstallState> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const now = options.now ?? Date.now;
  const pause = options.pause ?? (() => Promise.resolve());
  const previous = (await db.meta.get(KB_META_KEY))?.value as KbInstallState | undefined;
  if (previous?.version === version && previous.status === 'done') return previous;
  let written = previous?.version === version ? Math.min(previous.written, entries.length) : 0;
  const startedAt = previous?.version === version ? previous.startedAt : now();
  const state = (status: KbInstallState['status'], error?: string): KbInstallState => ({
    version,
    status,
    written,
    total: entries.length,
    startedAt,
    updatedAt: now(),
    ...(error ? { error } : {}),
  });
  try {
    await db.meta.put({ key: KB_META_KEY, value: state('installing') });
    while (written < entries.length) {
      const chunk = entries.slice(written, written + chunkSize);
      await db.transaction('rw', db.entities, db.meta, async () => {
        // The reader's own entries, read through the small `origin` index rather than reading every row back.
        const mine = new Set(await db.entities.where('origin').equals('user').primaryKeys());
        const stamp = now();
        const rows = chunk
          .filter((e) => !mine.has(e.id))
          .map((e) => ({ ...toEntityRecord(e, stamp), kbVersion: version }));
        await db.entities.bulkPut(rows);
        written += chunk.length;
        await db.meta.put({ key: KB_META_KEY, value: state('installing') });
      });
      await pause();
    }
    // Entries of an older version that this one dropped. Rows without a version were written by a
    // visit before the install reached them; the install has overwritten every one it ships.
    await db.entities
      .where('origin')
      .equals('kb')
      .filter((e) => e.kbVersion !== undefined && e.kbVersion !== version)
      .delete();
    const done = state('done');
    await db.meta.put({ key: KB_META_KEY, value: done });
    return done;
  } catch (error) {
    const message = describeWriteError(error);
    await db.meta.put({ key: KB_META_KEY, value: state('failed', message) }).catch(() => {});
    throw new Error(message);
  }
}

/** A reader-facing sentence for an IndexedDB write error. */
export function describeWriteError(error: unknown): string {
  const name =
    (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name;
  if (name === 'QuotaExceededError') {
    return 'The browser has no more storage space for Backstory: free some space; the install will resume.';
  }
  return error instanceof Error ? error.message : String(error);
}
