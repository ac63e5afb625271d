/** @module lib/kb/load-index — loads the shipped knowledge base once per worker life and indexes its names. */

import { decodeKb, type Lexicon, lexiconOf, nameIndexOf } from './artifact';
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
 * What the shipped artifact (its parsed JSON) holds: the entries, the everyday words and the prebuilt name
 * index. The one way the worker, the command-line tools and the benchmark read it, so the bench measures the
 * path the product takes.
 */
export function kbContentsOf(artifact: unknown): KbContents {
  return { entries: decodeKb(artifact), lexicon: lexiconOf(artifact), nameIndex: nameIndexOf(artifact) };
}

/** The name index from the artifact's contents: the prebuilt one restored, or built when it is missing or stale. */
export function nameIndexFrom({ entries, lexicon, nameIndex }: KbContents): NameIndex {
  return restoreNameIndex(entries, nameIndex, lexicon);
}

/**
 * Returns a function that resolves to the name index, loading it on the first call only.
 * A failed load is forgotten, so the next call tries again.
 */
export function createIndexLoader(load: () => Promise<KbContents>): () => Promise<NameIndex> {
  let pending: Promise<NameIndex> | null = null;
  return () => {
    pending ??= load()
      .then(nameIndexFrom)
      .catch((error: unknown) => {
        pending = null;
        throw error;
      });
    return pending;
  };
}
