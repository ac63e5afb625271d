// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { EntityPanel } from '../../../components/panel/EntityPanel';
import { recordVisit, toEntityRecord } from '../../../lib/db/articles';
import { type ArticleRecord, openDb } from '../../../lib/db/schema';
import type { MentionTarget } from '../../../lib/messages';
import type { Mention } from '../../../lib/recognize/types';
import { MINI_ENTRIES } from '../../helpers/mini-kb';
import { until } from '../../helpers/until';

const entry = (id: string) => MINI_ENTRIES.find((e) => e.id === id) as (typeof MINI_ENTRIES)[number];

function mention(text: string, surface: string, id: string, from = 0): Mention {
  const start = text.indexOf(surface, from);
  const e = entry(id);
  return { start, end: start + surface.length, kind: e.kind, entityId: id, name: e.name, confidence: 0.9, surface };
}

async function setup() {
  const db = openDb(`test-${crypto.randomUUID()}`);
  await db.entities.bulkPut(MINI_ENTRIES.map((e) => toEntityRecord(e, 1)));
  const older = 'Biden spoke about Iraq.';
  await recordVisit(db, {
    id: 'https://n.example/old',
    url: 'https://n.example/old',
    title: 'Old story',
    site: 'n.example',
    text: older,
    mentions: [mention(older, 'Biden', 'Q6279'), mention(older, 'Iraq', 'Q796')],
    entries: [],
    now: 10,
  });
  const text = 'Joe Biden visited Erbil. Biden then flew to Damascus.';
  const article = (await recordVisit(db, {
    id: 'https://n.example/new',
    url: 'https://n.example/new',
    title: 'New story',
    site: 'n.example',
    text,
    mentions: [
      mention(text, 'Joe Biden', 'Q6279'),
      mention(text, 'Erbil', 'gn:95446'),
      mention(text, 'Biden', 'Q6279', 20),
      mention(text, 'Damascus', 'gn:170063'),
    ],
    entries: [],
    now: 20,
  })) as ArticleRecord;
  return { db, article };
}

describe('EntityPanel', () => {
  test('shows the entry, its sentences, the other article it was read in, and asks the page to show it', async () => {
    const { db, article } = await setup();
    const asked: MentionTarget[] = [];
    const root = document.createElement('div');
    document.body.append(root);
    const name = article.names.find((n) => n.entityId === 'Q6279');
    act(() =>
      render(
        <EntityPanel
          db={db}
          article={article}
          name={name}
          entityId="Q6279"
          onSelectEntity={() => {}}
          showMention={async (t) => {
            asked.push(t);
            return { ok: true, value: { index: 0, total: 2 } };
          }}
        />,
        root,
      ),
    );
    await until(() => root.querySelector('.memory-articles li') !== null);
    expect(root.querySelector('.detail h2')?.textContent).toBe('Joe Biden');
    expect([...root.querySelectorAll('.contexts li')].map((li) => li.textContent)).toEqual([
      'Joe Biden visited Erbil.',
      'Biden then flew to Damascus.',
    ]);
    expect(root.querySelector('.memory-articles a')?.textContent).toBe('Old story');
    act(() => (root.querySelector('.show-mention') as HTMLButtonElement).click());
    await until(() => root.querySelector('.mention-status') !== null);
    expect(asked).toEqual([{ entityId: 'Q6279' }]);
    expect(root.querySelector('.mention-status')?.textContent).toBe('Mention 1 of 2 in the page');
  });

  test('a note added in the panel is stored, and listed again by a fresh panel', async () => {
    const { db, article } = await setup();
    const name = article.names.find((n) => n.entityId === 'gn:95446');
    const mount = () => {
      const root = document.createElement('div');
      document.body.append(root);
      act(() =>
        render(
          <EntityPanel
            db={db}
            article={article}
            name={name}
            entityId="gn:95446"
            onSelectEntity={() => {}}
            now={() => 99}
          />,
          root,
        ),
      );
      return root;
    };
    const root = mount();
    await until(() => root.querySelector('.add-note textarea') !== null);
    const box = root.querySelector('.add-note textarea') as HTMLTextAreaElement;
    act(() => {
      box.value = 'Capital of the Kurdistan Region';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      (root.querySelector('.add-note') as HTMLFormElement).dispatchEvent(
        new Event('submit', { bubbles: true, cancelable: true }),
      );
    });
    await until(() => root.querySelector('.note-text') !== null);
    expect(await db.notes.where('entityId').equals('gn:95446').toArray()).toMatchObject([
      { text: 'Capital of the Kurdistan Region', articleId: 'https://n.example/new', createdAt: 99 },
    ]);
    const again = mount();
    await until(() => again.querySelector('.note-text') !== null);
    expect(again.querySelector('.note-text')?.textContent).toBe('Capital of the Kurdistan Region');
  });

  test('"Not a name" stores a correction for each way the article writes the name', async () => {
    const { db, article } = await setup();
    const name = article.names.find((n) => n.entityId === 'Q6279');
    const root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(<EntityPanel db={db} article={article} name={name} entityId="Q6279" onSelectEntity={() => {}} />, root),
    );
    await until(() => root.querySelector('.not-entity') !== null);
    act(() => (root.querySelector('.not-entity') as HTMLButtonElement).click());
    await until(() => root.querySelectorAll('.corrections li').length === 2);
    expect((await db.corrections.toArray()).map((c) => [c.key, c.action, c.wrongEntityId])).toEqual([
      ['joe biden', 'not-entity', 'Q6279'],
      ['biden', 'not-entity', 'Q6279'],
    ]);
  });
});
