import { expect, test } from 'vitest';
import {
  type CommandHandlers,
  runCommand,
  SAVE_ARTICLE_COMMAND,
  TOGGLE_PAGE_COMMAND,
} from '../../../lib/background/commands';
import type { PageHighlighting, SavedArticleSummary } from '../../../lib/messages';

const state: PageHighlighting = {
  site: 'n.example',
  on: false,
  siteOn: true,
  status: 'article',
  marks: 0,
  busy: false,
};
const saved: SavedArticleSummary = { articleId: 'https://n.example/a', title: 'A', updated: false };

function recording() {
  const asked: string[] = [];
  const handlers: CommandHandlers = {
    togglePage: async (tabId) => {
      asked.push(`toggle ${tabId}`);
      return { ok: true, value: state };
    },
    saveArticle: async (tabId) => {
      asked.push(`save ${tabId}`);
      return { ok: true, value: saved };
    },
  };
  return { asked, handlers };
}

test('the toggle command asks the current tab’s content script to flip its highlights', async () => {
  const { asked, handlers } = recording();
  const answer = await runCommand(TOGGLE_PAGE_COMMAND, { id: 3 }, handlers);
  expect(asked).toEqual(['toggle 3']);
  expect(answer).toEqual({ ok: true, value: state });
});

test('the save command saves the current tab’s article and nothing else', async () => {
  const { asked, handlers } = recording();
  const answer = await runCommand(SAVE_ARTICLE_COMMAND, { id: 7 }, handlers);
  expect(asked).toEqual(['save 7']);
  expect(answer).toEqual({ ok: true, value: saved });
});

test('a tab without our content script, no tab, or another command give error values', async () => {
  const { asked, handlers } = recording();
  const missing = await runCommand(
    TOGGLE_PAGE_COMMAND,
    { id: 3 },
    {
      ...handlers,
      togglePage: () => Promise.reject(new Error('No response')),
    },
  );
  expect(missing).toEqual({ ok: false, error: 'No response' });
  expect(await runCommand(SAVE_ARTICLE_COMMAND, undefined, handlers)).toEqual({ ok: false, error: 'no tab' });
  expect((await runCommand('other', { id: 1 }, handlers)).ok).toBe(false);
  expect(asked).toEqual([]);
});
