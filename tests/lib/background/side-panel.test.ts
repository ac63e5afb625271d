import { expect, test } from 'vitest';
import { openPanelFor } from '../../../lib/background/side-panel';

test('Chrome: opens the side panel on the tab, calling the API before the first await', async () => {
  const calls: unknown[] = [];
  const opening = openPanelFor(
    {
      sidePanel: {
        open: async (options) => {
          calls.push(options);
        },
      },
    },
    { id: 7, windowId: 1 },
  );
  // Synchronously: the user gesture lasts only for the handler's own turn.
  expect(calls).toEqual([{ tabId: 7 }]);
  expect(await opening).toEqual({ ok: true, value: null });
});

test('Firefox: opens the sidebar', async () => {
  let opened = false;
  const answer = await openPanelFor(
    {
      sidebarAction: {
        open: async () => {
          opened = true;
        },
      },
    },
    { id: 7 },
  );
  expect(opened).toBe(true);
  expect(answer.ok).toBe(true);
});

test('a refusal (no user gesture) comes back as an error value', async () => {
  const answer = await openPanelFor(
    { sidePanel: { open: () => Promise.reject(new Error('may only be called in response to a user gesture')) } },
    { id: 7 },
  );
  expect(answer).toEqual({ ok: false, error: 'may only be called in response to a user gesture' });
  expect(await openPanelFor({}, { id: 7 })).toEqual({ ok: false, error: 'this browser has no side panel' });
});
