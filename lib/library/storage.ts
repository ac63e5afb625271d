/** @module lib/library/storage — the browser's storage quota: persistence, space used, and full-disk errors. */

/** True for a quota error, as IndexedDB raises it or as Dexie wraps it (`inner`). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.name === 'QuotaExceededError') return true;
    e = e.inner as typeof e;
  }
  return false;
}

/** What a failed save says to the reader: what failed, and that nothing already saved is lost. */
export function describeSaveError(error: unknown): string {
  if (isQuotaError(error)) {
    return (
      'Storage is full: this article was not saved. Everything saved before is intact. Free some space ' +
      '(delete saved articles you no longer need, in the library) and save again.'
    );
  }
  return error instanceof Error ? error.message : String(error);
}

/** The parts of `navigator.storage` the library uses. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** Whether the browser keeps the data under storage pressure (null: the browser cannot say). */
  persisted: boolean | null;
  usage?: number;
  quota?: number;
}

/**
 * Asks the browser to keep Backstory's data when disk space runs low (`persist()`: without it the browser may
 * evict the library), and reads the space used. Never throws: a browser without the API reports nulls.
 */
export async function storageStatus(storage: StorageManagerLike | undefined, ask: boolean): Promise<StorageStatus> {
  let persisted: boolean | null = null;
  try {
    persisted = (await storage?.persisted?.()) ?? null;
    if (ask && persisted === false && storage?.persist) persisted = await storage.persist();
  } catch {
    persisted = null;
  }
  try {
    const estimate = await storage?.estimate?.();
    return { persisted, usage: estimate?.usage, quota: estimate?.quota };
  } catch {
    return { persisted };
  }
}

/** "12.3 MB", "845 kB", "3.1 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
