import { describe, expect, test } from 'vitest';
import { createArticleService, MAX_TEXT_LENGTH } from '../../../lib/background/article-service';
import { openDb } from '../../../lib/db/schema';
import type { TabState } from '../../../lib/messages';
import { miniIndex } from '../../helpers/mini-kb';

function setup(nameIndex = async () => miniIndex()) {
  const db = openDb(`test-${crypto.randomUUID()}`);
  const states = new Map<number | undefined, TabState>();
  const service = createArticleService({
    db,
    nameIndex,
    now: () => 1000,
    setTabState: async (tabId, state) => void states.set(tabId, state),
  });
  return { db, states, service };
}

describe('analyzeArticle', () => {
  test('answers with mentions, records the article under its canonical URL and the tab state', async () => {
    const { db, states, service } = setup();
    const answer = await service.analyzeArticle(
      { url: 'https://n.example/story?utm_medium=x', title: 'T', text: 'Joe Biden spoke about Syria.' },
      7,
    );
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.mentions.map((m) => m.entityId)).toEqual(['Q6279', 'Q858']);
    expect(answer.value.articleId).toBe('https://n.example/story');
    expect(await db.articles.get('https://n.example/story')).toBeDefined();
    expect(states.get(7)).toMatchObject({ status: 'article', articleId: 'https://n.example/story' });
  });

  test('returns an error value, not a throw, when the knowledge base cannot load', async () => {
    const { states, service } = setup(async () => {
      throw new Error('knowledge base missing: 404');
    });
    const answer = await service.analyzeArticle({ url: 'https://n.example/a', title: 'T', text: 'Syria' }, 3);
    expect(answer).toEqual({ ok: false, error: 'knowledge base missing: 404' });
    expect(states.get(3)?.status).toBe('error');
  });

  test('cuts a huge text to the maximum length', async () => {
    const { db, service } = setup();
    const text = 'Syria. '.repeat(Math.ceil((MAX_TEXT_LENGTH * 2) / 7));
    const answer = await service.analyzeArticle({ url: 'https://n.example/huge', title: 'T', text }, 1);
    expect(answer.ok).toBe(true);
    expect((await db.articles.get('https://n.example/huge'))?.text.length).toBe(MAX_TEXT_LENGTH);
  });
});

describe('highlighting in the tab state', () => {
  test('records whether the page shows its highlights', async () => {
    const { states, service } = setup();
    await service.analyzeArticle(
      { url: 'https://n.example/a', title: 'T', text: 'Syria', highlighting: 'off-site' },
      5,
    );
    expect(states.get(5)).toMatchObject({ status: 'article', highlighting: 'off-site' });
    await service.analyzeArticle({ url: 'https://n.example/b', title: 'T', text: 'Syria' }, 6);
    expect(states.get(6)).toMatchObject({ highlighting: 'on' });
  });
});

describe('analyzeAddedText', () => {
  test('answers with mentions in the added text and appends it to the record', async () => {
    const { db, service } = setup();
    await service.analyzeArticle({ url: 'https://n.example/live', title: 'T', text: 'Joe Biden spoke.' }, 7);
    const answer = await service.analyzeAddedText({
      url: 'https://n.example/live',
      articleId: 'https://n.example/live',
      text: 'Update: Syria answered.',
    });
    expect(answer.ok && answer.value.mentions.map((m) => [m.entityId, m.start])).toEqual([['Q858', 8]]);
    const record = await db.articles.get('https://n.example/live');
    expect(record?.text).toBe('Joe Biden spoke.\n\nUpdate: Syria answered.');
    expect(record?.entityIds).toEqual(['Q6279', 'Q858']);
  });

  test("reads added text in the article's context: a surname named in full before is that person", async () => {
    const { service } = setup();
    await service.analyzeArticle({ url: 'https://n.example/blog', title: 'T', text: 'Farid Haddad arrived.' }, 7);
    const answer = await service.analyzeAddedText({
      url: 'https://n.example/blog',
      articleId: 'https://n.example/blog',
      text: 'Later Haddad spoke in Erbil.',
    });
    expect(answer.ok && answer.value.mentions.map((m) => [m.surface, m.kind, m.start])).toEqual([
      ['Haddad', 'person', 6],
      ['Erbil', 'place', 22],
    ]);
  });

  test('returns an error value for a malformed request', async () => {
    const { service } = setup();
    const answer = await service.analyzeAddedText({ url: 'x', articleId: 'x', text: 42 as unknown as string });
    expect(answer).toEqual({ ok: false, error: 'bad added text' });
  });
});

describe('pageSkipped', () => {
  test('records that the tab shows no article', async () => {
    const { states, service } = setup();
    await service.pageSkipped({ url: 'https://n.example/', reasons: ['json-ld WebSite'] }, 4);
    expect(states.get(4)).toMatchObject({ status: 'not-article', reasons: ['json-ld WebSite'] });
  });
});
