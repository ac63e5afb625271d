import { describe, expect, test } from 'vitest';
import { analyzeWithCorrections, createArticleService } from '../../../lib/background/article-service';
import { addToKnowledgeBase, linkName, markNotEntity } from '../../../lib/db/corrections';
import { openDb } from '../../../lib/db/schema';
import { miniIndex } from '../../helpers/mini-kb';

function setup() {
  const db = openDb(`test-${crypto.randomUUID()}`);
  const service = createArticleService({
    db,
    nameIndex: async () => miniIndex(),
    now: () => 1000,
    setTabState: async () => {},
  });
  return { db, service };
}

describe('corrections in the analysis', () => {
  test('a name marked "not an entity" is gone from the next analysis and from the record', async () => {
    const { db, service } = setup();
    const article = { url: 'https://n.example/a', title: 'T', text: 'Joe Biden spoke about Syria.' };
    const before = await service.analyzeArticle(article, 1);
    expect(before.ok && before.value.mentions.map((m) => m.surface)).toEqual(['Joe Biden', 'Syria']);
    await markNotEntity(db, 'Syria', 2000, 'Q858');
    const after = await service.analyzeArticle(article, 1);
    expect(after.ok && after.value.mentions.map((m) => m.surface)).toEqual(['Joe Biden']);
    expect((await db.articles.get('https://n.example/a'))?.entityIds).toEqual(['Q6279']);
  });

  test('"not this one" links the name to the chosen entry', async () => {
    const { db, service } = setup();
    await linkName(db, 'Georgia', 'gn:4197000', 1, 'Q230');
    const answer = await service.analyzeArticle(
      { url: 'https://n.example/g', title: 'T', text: 'Storms hit Georgia.' },
      1,
    );
    expect(answer.ok && answer.value.mentions.map((m) => m.entityId)).toEqual(['gn:4197000']);
  });

  test('text added later is corrected too', async () => {
    const { db, service } = setup();
    const first = await service.analyzeArticle({ url: 'https://n.example/l', title: 'T', text: 'Live from Iraq.' }, 1);
    expect(first.ok).toBe(true);
    await markNotEntity(db, 'Syria', 1);
    const added = await service.analyzeAddedText({
      url: 'https://n.example/l',
      articleId: 'https://n.example/l',
      text: 'Syria and Iraq talk.',
    });
    expect(added.ok && added.value.mentions.map((m) => m.surface)).toEqual(['Iraq']);
  });

  test('a name the reader added is linked to their entry, found by the analysis helper the library reuses', async () => {
    const { db } = setup();
    const { entity } = await addToKnowledgeBase(
      db,
      { surface: 'Hemo', kind: 'place', note: 'US base near Qamishli' },
      5,
    );
    const { mentions, entries } = await analyzeWithCorrections(db, 'Troops left Hemo near Qamishli.', miniIndex());
    const hemo = mentions.find((m) => m.surface === 'Hemo');
    expect(hemo).toMatchObject({ entityId: entity.id, name: 'Hemo', kind: 'place' });
    // The reader's entry is stored already: only shipped entries are handed on to be stored.
    expect(entries.map((e) => e.id)).toEqual(['gn:173334']);
  });
});
