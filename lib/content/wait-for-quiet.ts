/** @module lib/content/wait-for-quiet — waiting for a page to finish re-rendering after an SPA navigation. */

import type { Timers } from './watch-added-text';

export interface WaitForQuietOptions extends Timers {
  target: Node;
  MutationObserver: typeof MutationObserver;
  /** Resolves after this long without any change under `target`… */
  quietMs: number;
  /** …or after this long in all, for a page that never stops changing (a ticker, a clock). */
  maxMs: number;
  signal: AbortSignal;
}

/**
 * Resolves once `target` has not changed for `quietMs`, or after `maxMs`, or at once when `signal` aborts.
 * An SPA swaps its content after the URL changes (often after a fetch): reading before it settles would
 * analyze the previous article under the new address.
 */
export function waitForQuiet(options: WaitForQuietOptions): Promise<void> {
  return new Promise((resolve) => {
    if (options.signal.aborted) return resolve();
    let quiet: number | undefined;
    const finish = () => {
      observer.disconnect();
      if (quiet !== undefined) options.clearTimeout(quiet);
      options.clearTimeout(cap);
      options.signal.removeEventListener('abort', finish);
      resolve();
    };
    const restart = () => {
      if (quiet !== undefined) options.clearTimeout(quiet);
      quiet = options.setTimeout(finish, options.quietMs);
    };
    const observer = new options.MutationObserver(restart);
    observer.observe(options.target, { childList: true, subtree: true, characterData: true });
    const cap = options.setTimeout(finish, options.maxMs);
    options.signal.addEventListener('abort', finish, { once: true });
    restart();
  });
}
