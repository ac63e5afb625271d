/**
 * A clock that moves only when a test says so, for code that takes `setTimeout`/`clearTimeout` as dependencies:
 * debounces and idle time-outs then run in the same order on a busy machine as on a quiet one.
 */
export interface ManualTimers {
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** Milliseconds since the clock was made. */
  now: () => number;
  /**
   * Moves the clock on by `ms`, running every timer that falls due on the way in the order of its deadline,
   * with pending promise callbacks (and MutationObserver records, which are microtasks) run before each.
   */
  advance: (ms: number) => Promise<void>;
}

export function manualTimers(): ManualTimers {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      pending.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    now: () => now,
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        await flushMicrotasks();
        let due: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of pending) {
          if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        }
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
      await flushMicrotasks();
    },
  };
}

/** Lets queued promise callbacks run (a chain of a few awaits deep). */
async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
