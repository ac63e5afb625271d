/** @module lib/content/page-highlights — the marks of one page: painted in chunks, removed and restored on demand. */

import type { ExtractedText } from '../extract/types';
import { type HighlightOptions, highlightMentionsInChunks, removeHighlights } from '../highlight/highlight';
import type { Mention } from '../recognize/types';

/** One analyzed stretch of the page (the article, or a block added later) and the marks made for it. */
interface Batch {
  extracted: ExtractedText;
  mentions: Mention[];
  /** Filled as chunks are made; empty while hidden. */
  wrappers: Element[];
}

export interface PageHighlightsDeps {
  /** Lets the page run between chunks. */
  pause: () => Promise<void>;
  now: () => number;
  /** Milliseconds of wrapping per task. */
  budgetMs: number;
  /** Adds the stylesheet before the first mark (idempotent). */
  installStyle: () => void;
  decorate?: HighlightOptions['decorate'];
  /** Whether a text node is above the reader's view: marking starts where the reader is looking. */
  isAboveView?: (node: Text) => boolean;
  /** Called after marks were removed (the hover card closes and forgets its tab stops). */
  onRemoved?: () => void;
}

export interface PageHighlights {
  readonly shown: boolean;
  /** Marks in the page now. */
  count(): number;
  /** Keeps a batch and, while shown, marks it. Resolves when its marks are all made (or painting stopped). */
  add(extracted: ExtractedText, mentions: Mention[]): Promise<void>;
  /** Marks every kept batch again: the text nodes are the page's own again after `hide`, so offsets still hold. */
  show(): Promise<void>;
  /** Removes every mark, restoring the page's nodes; batches are kept for `show`. */
  hide(): void;
  /** Removes every mark and forgets the batches (a new page in an SPA). */
  clear(): void;
}

/**
 * The page's marks as batches that can be hidden and shown again. Painting runs in chunks; `hide` and `clear`
 * stop a painting in progress at its next chunk (a generation counter), and remove what it made so far.
 */
export function createPageHighlights(deps: PageHighlightsDeps, initiallyShown: boolean): PageHighlights {
  const batches: Batch[] = [];
  let shown = initiallyShown;
  let generation = 0;

  async function paint(batch: Batch): Promise<void> {
    const mine = generation;
    // The mentions arrive in the messaging task: the marks start in a task of their own.
    await deps.pause();
    if (mine !== generation) return;
    deps.installStyle();
    await highlightMentionsInChunks(batch.extracted, batch.mentions, {
      pause: deps.pause,
      now: deps.now,
      budgetMs: deps.budgetMs,
      decorate: deps.decorate,
      isAboveView: deps.isAboveView,
      made: batch.wrappers,
      stopped: () => mine !== generation,
    });
  }

  function removeAll(): void {
    let removed = false;
    for (const batch of batches) {
      if (batch.wrappers.length === 0) continue;
      removeHighlights(batch.wrappers);
      batch.wrappers.length = 0;
      removed = true;
    }
    if (removed) deps.onRemoved?.();
  }

  return {
    get shown() {
      return shown;
    },
    count() {
      let n = 0;
      for (const batch of batches) n += batch.wrappers.length;
      return n;
    },
    async add(extracted, mentions) {
      const batch: Batch = { extracted, mentions, wrappers: [] };
      batches.push(batch);
      if (shown && mentions.length > 0) await paint(batch);
    },
    async show() {
      if (shown) return;
      shown = true;
      const mine = ++generation;
      for (const batch of batches) {
        if (mine !== generation) return;
        if (batch.wrappers.length === 0 && batch.mentions.length > 0) await paint(batch);
      }
    },
    hide() {
      shown = false;
      generation++;
      removeAll();
    },
    clear() {
      generation++;
      removeAll();
      batches.length = 0;
    },
  };
}
