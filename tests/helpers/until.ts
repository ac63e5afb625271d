import { act } from 'preact/test-utils';

/**
 * Waits until `check` passes (liveQuery answers arrive asynchronously), letting Preact re-render in between.
 * The limit only ends a test that would never pass: a busy machine may take long to get there, and no test
 * asserts how long.
 */
export async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await act(async () => new Promise((r) => setTimeout(r, 20)));
  }
}
