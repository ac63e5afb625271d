/** @module lib/kb/load-index — loads the shipped knowledge base once per worker life and indexes its names. */

import type { Lexicon } from './artifact';
import { type NameIndex, restoreNameIndex, type SerializedNameIndex } from './name-index';
import type { KbEntry } from './types';

/** What the shipped artifact holds for recognition. */
export interface KbContents {
  entries: KbEntry[];
  lexicon: Lexicon;
  /** The prebuilt index, when the artifact ships one. */
  nameIndex?: SerializedNameIndex;
}

/**
 * Returns a function that resolves to the name index, loading it on the first call only.
 * A failed load is forgotten, so the next call tries again.
 */
export function createIndexLoader(load: () => Promise<KbContents>): () => Promise<NameIndex> {
  let pending: Promise<NameIndex> | null = null;
  return () => {
    pending ??= load()
      .then(({ entries, lexicon, nameIndex }) => restoreNameIndex(entries, nameIndex, lexicon))
      .catch((error: unknown) => {
        pending = null;
        throw error;
      });
    return pending;
  };
}
