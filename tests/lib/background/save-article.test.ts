import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createSaveService } from '../../../lib/background/save-article';
import { analyzeSavedArticle } from '../../../lib/background/saved-article-view';
import { openDb } from '../../../lib/db/schema';
import type { PageSnapshot, Result, TabState } from '../../../lib/messages';
import { miniIndex } from '../../helpers/mini-kb';

const SEED = readFileSync(
  join(import.meta.dirname, '../../fixtures/site/news/us-forces-evacuate-syria-bases.html'),
  'utf8',
);
const URL_ = 'https://news.example/us-forces-evacuate';

function setup(snapshot: (tabId: number) => Promise<Result<PageSnapshot>>, db = openDb(`save-${crypto.randomUUID()}`)) {
  const asked: number[] = [];
  const service = createSaveService({
    db,
    nameIndex: async () => miniIndex(),
    snapshot: (tabId) => {
      asked.push(tabId);
      return snapshot(tabId);
    },
    activeTabId: async () => 9,
    now: () => 1000,
  });
  return { db, service, asked };
}

const page = async (): Promise<Result<PageSnapshot>> => ({ ok: true, value: { url: URL_, title: 'x', html: SEED } });

describe('saving the article in a tab', () => {
  test('the tab’s snapshot is saved as a reader copy with the names found in it; the active tab by default', async () => {
    const { db, service, asked } = setup(page);
    const answer = await service.saveArticle({});
    expect(asked).toEqual([9]);
    expect(answer).toEqual({
      ok: true,
      value: {
        articleId: URL_,
        title: 'US Forces Evacuate Military Bases In Syria After ‘Repeated Attacks’',
        updated: false,
      },
    });
    const article = await db.articles.get(URL_);
    expect(article?.entityIds).toEqual(expect.arrayContaining(['Q858']));
    expect(article?.text).toContain('evacuated the Hemo military base');
    expect((await service.saveArticle({ tabId: 4 })).ok && asked).toEqual([9, 4]);
    expect(await db.savedPages.count()).toBe(1);
  });

  test('a tab without our content script, a browser page or a page without an article give words, not throws', async () => {
    const none = setup(() => Promise.reject(new Error('Could not establish connection')));
    expect(await none.service.saveArticle({ tabId: 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not run on this page/),
    });
    const browserPage = setup(async () => ({ ok: true, value: { url: 'chrome://settings', title: '', html: '' } }));
    expect(await browserPage.service.saveArticle({ tabId: 1 })).toEqual({
      ok: false,
      error: 'Only web pages can be saved.',
    });
    const empty = setup(async () => ({ ok: true, value: { url: URL_, title: '', html: '<p>hi</p>' } }));
    expect(await empty.service.saveArticle({ tabId: 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no article found/),
    });
    expect(await empty.db.savedPages.count()).toBe(0);
  });

  test('a full disk is reported as such, and what was saved before stays', async () => {
    const { db, service } = setup(page);
    await service.saveArticle({ tabId: 1 });
    const before = await db.savedPages.get(URL_);
    db.savedPages.hook('updating', () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    const answer = await service.saveArticle({ tabId: 1 });
    expect(answer).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Storage is full: this article was not saved/),
    });
    expect(await db.savedPages.get(URL_)).toEqual(before);
  });
});

describe('the reader view of a saved article', () => {
  test('answers mentions in the rendered text and points the reader tab at the article', async () => {
    const { db, service } = setup(page);
    await service.saveArticle({ tabId: 1 });
    const states = new Map<number | undefined, TabState>();
    const deps = {
      db,
      nameIndex: async () => miniIndex(),
      now: () => 5,
      setTabState: async (id: number | undefined, s: TabState) => void states.set(id, s),
    };
    const answer = await analyzeSavedArticle(deps, { articleId: URL_, text: 'Forces left Syria.' }, 12);
    expect(answer.ok && answer.value.mentions.map((m) => m.surface)).toEqual(['Syria']);
    expect(states.get(12)).toEqual({ status: 'article', url: URL_, articleId: URL_, at: 5 });
    expect(await analyzeSavedArticle(deps, { articleId: 'https://other.example/', text: 'Syria' }, 12)).toEqual({
      ok: false,
      error: 'This article is not in the library.',
    });
  });
});
