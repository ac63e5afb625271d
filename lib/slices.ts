/**
 * @module lib/slices — long work cut into slices: a generator yields at points where it may stop for a while,
 * and a driver runs it either straight through (Node, tests) or in slices of a time budget that let the page
 * run in between (the content script), so no task of ours grows long on a big page or a shared CPU.
 */

/** Work that yields (with no value) wherever it may pause, and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the work straight through. */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export interface SliceOptions {
  /** Lets the page run (scheduler.yield, postTask or a 0 ms timeout). */
  pause: () => Promise<void>;
  now: () => number;
  /** Milliseconds of work per slice. */
  budgetMs: number;
}

/** Runs the work in slices of `budgetMs`, pausing between them. The first slice starts at once. */
export async function runStepsInSlices<T>(steps: Steps<T>, options: SliceOptions): Promise<T> {
  let started = options.now();
  let step = steps.next();
  while (!step.done) {
    if (options.now() - started >= options.budgetMs) {
      await options.pause();
      started = options.now();
    }
    step = steps.next();
  }
  return step.value;
}
