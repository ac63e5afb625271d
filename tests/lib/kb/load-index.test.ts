import { describe, expect, test } from 'vitest';
import { decodeKb, encodeKb } from '../../../lib/kb/artifact';
import { createIndexLoader, kbContentsOf, nameIndexFrom } from '../../../lib/kb/load-index';
import { buildNameIndex, serializeNameIndex } from '../../../lib/kb/name-index';
import { MINI_ENTRIES } from '../../helpers/mini-kb';

describe('createIndexLoader', () => {
  test('loads the entries once and shares the index', async () => {
    let loads = 0;
    const load = createIndexLoader(async () => {
      loads++;
      return { entries: MINI_ENTRIES, lexicon: { everydayWords: [], givenNames: [] } };
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
  });

  test('tries again after a failed load', async () => {
    let calls = 0;
    const load = createIndexLoader(async () => {
      calls++;
      if (calls === 1) throw new Error('disk busy');
      return { entries: MINI_ENTRIES, lexicon: { everydayWords: [], givenNames: [] } };
    });
    await expect(load()).rejects.toThrow('disk busy');
    expect((await load()).entries).toHaveLength(MINI_ENTRIES.length);
  });
});

describe('kbContentsOf (the one reader of the shipped artifact)', () => {
  test('hands on the prebuilt name index, so a waking worker restores it instead of rebuilding it', () => {
    const artifact = JSON.parse(JSON.stringify(encodeKb(MINI_ENTRIES)));
    // As scripts/build-kb.ts does: the index is over the entries as they decode.
    artifact.nameIndex = serializeNameIndex(buildNameIndex(decodeKb(artifact)));
    const contents = kbContentsOf(artifact);
    expect(contents.nameIndex?.format).toBe(artifact.nameIndex.format);
    expect(contents.entries.map((e) => e.id).sort()).toEqual(MINI_ENTRIES.map((e) => e.id).sort());
    const index = nameIndexFrom(contents);
    expect([...index.byKey.keys()].sort()).toEqual([...buildNameIndex(contents.entries).byKey.keys()].sort());
  });

  test('an artifact without a prebuilt index still gives a working index', () => {
    const contents = kbContentsOf(JSON.parse(JSON.stringify(encodeKb(MINI_ENTRIES))));
    expect(contents.nameIndex).toBeUndefined();
    expect(nameIndexFrom(contents).byId.size).toBe(MINI_ENTRIES.length);
  });
});
