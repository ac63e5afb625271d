import { describe, expect, test } from 'vitest';
import { installKb, KB_META_KEY, type KbInstallState } from '../../../lib/db/install-kb';
import { openDb } from '../../../lib/db/schema';
import type { KbEntry } from '../../../lib/kb/types';

const freshDb = () => openDb(`test-${crypto.randomUUID()}`);
function places(n: number, prefix = 'p'): KbEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}:${i}`,
    kind: 'place' as const,
    subtype: 'town',
    name: `Town ${i}`,
    aliases: [],
    lat: 1,
    lon: 2,
    source: 'test',
  }));
}
const stateOf = async (db: ReturnType<typeof freshDb>) => (await db.meta.get(KB_META_KEY))?.value as KbInstallState;

describe('installKb', () => {
  test('writes every entry in chunks, pausing between them, and records the version', async () => {
    const db = freshDb();
    let pauses = 0;
    const state = await installKb(db, places(250), 'v1', { chunkSize: 100, pause: async () => void pauses++ });
    expect(state).toMatchObject({ version: 'v1', status: 'done', written: 250, total: 250 });
    expect(await db.entities.count()).toBe(250);
    expect(pauses).toBe(3);
  });

  test('does nothing when the same version is installed', async () => {
    const db = freshDb();
    await installKb(db, places(10), 'v1');
    await db.entities.clear();
    await installKb(db, places(10), 'v1');
    expect(await db.entities.count()).toBe(0);
  });

  test("an upgrade keeps the reader's notes and own entities and drops entries the new version lacks", async () => {
    const db = freshDb();
    await installKb(db, places(5), 'v1');
    await db.notes.add({ entityId: 'p:1', text: 'visited in 2019', createdAt: 1, updatedAt: 1 });
    await db.entities.put({
      ...places(1, 'mine')[0],
      name: 'My village',
      origin: 'user',
      updatedAt: 1,
    });
    await db.entities.update('p:2', { origin: 'user', description: 'corrected by me' });
    await installKb(db, places(3), 'v2');
    expect(await db.notes.count()).toBe(1);
    expect((await db.entities.get('mine:0'))?.name).toBe('My village');
    expect((await db.entities.get('p:2'))?.description).toBe('corrected by me');
    expect(await db.entities.get('p:4')).toBeUndefined();
    expect((await db.entities.get('p:0'))?.kbVersion).toBe('v2');
  });

  test('a full disk is reported as a failed state, and a later call resumes where it stopped', async () => {
    const db = freshDb();
    const realBulkPut = db.entities.bulkPut.bind(db.entities);
    let calls = 0;
    db.entities.bulkPut = ((rows: never[]) => {
      calls++;
      if (calls === 2) return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
      return realBulkPut(rows);
    }) as typeof db.entities.bulkPut;
    await expect(installKb(db, places(30), 'v1', { chunkSize: 10 })).rejects.toThrow(/no more storage space/);
    expect(await stateOf(db)).toMatchObject({ status: 'failed', written: 10 });
    const resumed = await installKb(db, places(30), 'v1', { chunkSize: 10 });
    expect(resumed.status).toBe('done');
    expect(await db.entities.count()).toBe(30);
  });
});

describe('installKb alongside visits', () => {
  test('an entry a visit stored during the install survives the clean-up', async () => {
    const db = freshDb();
    await installKb(db, places(20), 'v1', {
      chunkSize: 10,
      pause: async () => {
        await db.entities.put({ ...places(1, 'seen')[0], origin: 'kb', updatedAt: 1 });
      },
    });
    expect(await db.entities.get('seen:0')).toBeDefined();
  });
});
