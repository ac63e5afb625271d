import { expect, test } from 'vitest';
import { runCommand, TOGGLE_PAGE_COMMAND } from '../../../lib/background/commands';
import type { PageHighlighting } from '../../../lib/messages';

const state: PageHighlighting = { site: 'n.example', on: false, siteOn: true, status: 'article', marks: 0 };

test('the toggle command asks the current tab’s content script to flip its highlights', async () => {
  const asked: number[] = [];
  const answer = await runCommand(TOGGLE_PAGE_COMMAND, { id: 3 }, async (tabId) => {
    asked.push(tabId);
    return { ok: true, value: state };
  });
  expect(asked).toEqual([3]);
  expect(answer).toEqual({ ok: true, value: state });
});

test('a tab without our content script, no tab, or another command give error values', async () => {
  const missing = await runCommand(TOGGLE_PAGE_COMMAND, { id: 3 }, () => Promise.reject(new Error('No response')));
  expect(missing).toEqual({ ok: false, error: 'No response' });
  expect(await runCommand(TOGGLE_PAGE_COMMAND, undefined, async () => ({ ok: true, value: state }))).toEqual({
    ok: false,
    error: 'no tab',
  });
  expect((await runCommand('other', { id: 1 }, async () => ({ ok: true, value: state }))).ok).toBe(false);
});
