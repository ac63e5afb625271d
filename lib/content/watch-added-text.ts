/** @module lib/content/watch-added-text — noticing blocks a page adds later, cheaply, and only for a while. */

import { mayHoldText } from './added-text';

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

export interface WatchAddedTextOptions extends Timers {
  /** What to observe: the document's body. */
  target: Node;
  /** Stops everything: the content script's context, or one page of an SPA. */
  signal: AbortSignal;
  MutationObserver: typeof MutationObserver;
  /** Quiet time after the last added element before handling a burst (a live blog adds several at once). */
  debounceMs: number;
  /** Longest wait in a stream of additions that never pauses. */
  maxWaitMs: number;
  /** With no relevant addition for this long, observing stops (an idle page costs nothing). */
  idleMs: number;
  /**
   * Handles the elements added since the last call; resolves true when some held new text to read, which
   * keeps the watch alive for another `idleMs`.
   */
  onAdded: (elements: Element[]) => Promise<boolean> | boolean;
  /**
   * Registers a one-time listener for reader activity (scroll, click, key). A watch stopped for idleness
   * restarts on it: infinite scroll and "read more" follow the reader's actions.
   */
  onActivity?: (listener: () => void, signal: AbortSignal) => void;
  /** Called each time observing stops for idleness. */
  onIdle?: () => void;
  /** The clock `maxWaitMs` is measured on (default `Date.now`), the same as the timers'. */
  now?: () => number;
}

export interface AddedTextWatch {
  /** Whether the observer is connected now. */
  readonly observing: boolean;
  stop(): void;
}

/**
 * Observes `target` for added elements. The observer callback only collects elements (a tag test each),
 * because it runs inside the page's own task; the reading happens after `debounceMs` of quiet in a task of
 * our own. Text nodes are ignored: our own highlighting splits text nodes, and a new paragraph arrives as
 * an element.
 */
export function watchAddedText(options: WatchAddedTextOptions): AddedTextWatch {
  let pending: Element[] = [];
  let debounce: number | undefined;
  let firstPendingAt = 0;
  let idle: number | undefined;
  let observing = false;
  let stopped = false;
  let busy = false;
  let activity: AbortController | undefined;

  const observer = new options.MutationObserver((records) => {
    let added = false;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (mayHoldText(node)) {
          pending.push(node);
          added = true;
        }
      }
    }
    if (added) schedule();
  });

  const now = options.now ?? Date.now;

  function schedule(): void {
    if (debounce !== undefined) {
      // A stream that never pauses is still read every `maxWaitMs`.
      if (now() - firstPendingAt >= options.maxWaitMs) return;
      options.clearTimeout(debounce);
    } else {
      firstPendingAt = now();
    }
    debounce = options.setTimeout(flush, options.debounceMs);
  }

  async function flush(): Promise<void> {
    debounce = undefined;
    if (stopped) return;
    if (busy) {
      // One reading at a time: the next waits for the current answer, so batches never interleave.
      debounce = options.setTimeout(flush, options.debounceMs);
      return;
    }
    const elements = pending;
    pending = [];
    if (elements.length === 0) return;
    busy = true;
    try {
      if (await options.onAdded(elements)) armIdle();
    } catch {
      // A failed reading must not stop the watch or reach the page.
    } finally {
      busy = false;
    }
  }

  function armIdle(): void {
    if (idle !== undefined) options.clearTimeout(idle);
    idle = options.setTimeout(goIdle, options.idleMs);
  }

  function goIdle(): void {
    idle = undefined;
    disconnect();
    options.onIdle?.();
    if (!options.onActivity || stopped) return;
    activity = new AbortController();
    const onAbort = () => activity?.abort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    options.onActivity(() => {
      activity?.abort();
      options.signal.removeEventListener('abort', onAbort);
      if (!stopped) connect();
    }, activity.signal);
  }

  function connect(): void {
    if (observing || stopped) return;
    observer.observe(options.target, { childList: true, subtree: true });
    observing = true;
    armIdle();
  }

  function disconnect(): void {
    if (!observing) return;
    observer.disconnect();
    observing = false;
    pending = [];
    if (debounce !== undefined) options.clearTimeout(debounce);
    debounce = undefined;
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    disconnect();
    if (idle !== undefined) options.clearTimeout(idle);
    idle = undefined;
    activity?.abort();
  }

  if (options.signal.aborted) {
    stopped = true;
  } else {
    options.signal.addEventListener('abort', stop, { once: true });
    connect();
  }

  return {
    get observing() {
      return observing;
    },
    stop,
  };
}
