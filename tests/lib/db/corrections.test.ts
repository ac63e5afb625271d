import { describe, expect, test } from 'vitest';
import { toEntityRecord } from '../../../lib/db/articles';
import {
  addToKnowledgeBase,
  correctionFor,
  findCandidates,
  linkName,
  loadCorrectionData,
  markNotEntity,
  removeCorrection,
} from '../../../lib/db/corrections';
import { openDb } from '../../../lib/db/schema';
import { MINI_ENTRIES } from '../../helpers/mini-kb';

const freshDb = () => openDb(`test-${crypto.randomUUID()}`);

describe('corrections in IndexedDB', () => {
  test('stores a correction under the folded name, replacing an earlier one for it', async () => {
    const db = freshDb();
    await markNotEntity(db, 'Georgia', 1, 'Q230');
    await linkName(db, 'GEORGIA', 'gn:4197000', 2, 'Q230');
    const all = await db.corrections.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ key: 'georgia', action: 'link', entityId: 'gn:4197000', wrongEntityId: 'Q230' });
    expect((await correctionFor(db, 'georgia'))?.action).toBe('link');
  });

  test('adding to the knowledge base stores a user entity and an "add" correction together', async () => {
    const db = freshDb();
    const { entity, correction } = await addToKnowledgeBase(
      db,
      { surface: 'Hemo Group', kind: 'organization', note: 'A trucking firm in Qamishli.' },
      1000,
    );
    expect(entity).toMatchObject({
      name: 'Hemo Group',
      kind: 'organization',
      origin: 'user',
      description: 'A trucking firm in Qamishli.',
    });
    expect(entity.id).toMatch(/^user:hemo-group-/);
    expect(correction).toMatchObject({ key: 'hemo group', action: 'add', entityId: entity.id });
    const data = await loadCorrectionData(db);
    expect(data.corrections).toHaveLength(1);
    expect(data.entities.map((e) => e.id)).toEqual([entity.id]);
  });

  test('refuses a correction without a name', async () => {
    const db = freshDb();
    await expect(markNotEntity(db, ' – ', 1)).rejects.toThrow('needs a name');
  });

  test('a removed correction no longer applies', async () => {
    const db = freshDb();
    const c = await markNotEntity(db, 'Georgia', 1);
    await removeCorrection(db, c.id as number);
    expect(await correctionFor(db, 'Georgia')).toBeUndefined();
  });

  test('lists the stored entries that carry a name, most prominent first', async () => {
    const db = freshDb();
    await db.entities.bulkPut(MINI_ENTRIES.map((e) => toEntityRecord(e, 1)));
    expect((await findCandidates(db, 'Georgia')).map((e) => e.id)).toEqual(['Q230', 'gn:4197000']);
    expect((await findCandidates(db, 'al qamishli')).map((e) => e.id)).toEqual(['gn:173334']);
    expect(await findCandidates(db, '')).toEqual([]);
  });
});
