import { describe, expect, test } from 'vitest';
import {
  buildNameIndex,
  isAcronym,
  positionsOf,
  restoreNameIndex,
  type SerializedNameIndex,
  serializeNameIndex,
} from '../../../lib/kb/name-index';
import { miniIndex } from '../../helpers/mini-kb';

describe('buildNameIndex', () => {
  test('indexes names and aliases by folded key', () => {
    const index = miniIndex();
    const erbil = index.byId.get('gn:95446');
    expect(positionsOf(index.byKey, 'irbil')).toEqual([erbil]);
    expect(positionsOf(index.byKey, 'erbil')).toEqual([erbil]);
  });

  test('indexes a name with an Arabic article also without it', () => {
    const index = buildNameIndex([
      { id: 'x', kind: 'place', subtype: 'city', name: 'Al-Mukalla', aliases: [], source: 't' },
    ]);
    expect(positionsOf(index.byKey, 'al mukalla')).toEqual([0]);
    expect(positionsOf(index.byKey, 'mukalla')).toEqual([0]);
  });

  test('keeps acronyms case-sensitive and without dots', () => {
    const index = miniIndex();
    expect(positionsOf(index.byAcronym, 'US')).toEqual([index.byId.get('Q30')]);
    expect(index.byKey.has('us')).toBe(false);
  });

  test('lists every entry that shares a name', () => {
    expect(positionsOf(miniIndex().byKey, 'georgia')).toHaveLength(2);
  });

  test('records the longest name in words', () => {
    expect(miniIndex().maxWords).toBe(4);
  });
});

describe('isAcronym', () => {
  test('accepts capitals with or without dots and rejects words', () => {
    expect(isAcronym('IRGC')).toBe(true);
    expect(isAcronym('U.S.')).toBe(true);
    expect(isAcronym('Iraq')).toBe(false);
  });
});

describe('serializeNameIndex and restoreNameIndex', () => {
  test('a restored index equals the one built from the same entries', () => {
    const built = miniIndex();
    const copy = JSON.parse(JSON.stringify(serializeNameIndex(built)));
    const restored = restoreNameIndex(built.entries, copy, {
      everydayWords: [...built.everyday],
      givenNames: [...built.givenNames],
    });
    expect(restored.byKey).toEqual(built.byKey);
    expect(restored.byAcronym).toEqual(built.byAcronym);
    expect(restored.bySkeleton).toEqual(built.bySkeleton);
    expect(restored.demonyms).toEqual(built.demonyms);
    expect(restored.byId).toEqual(built.byId);
    expect(restored.maxWords).toBe(built.maxWords);
    expect(restored.prefixes).toEqual(built.prefixes);
  });

  test('an index of another format is rebuilt, not trusted', () => {
    const built = miniIndex();
    const stale = { ...serializeNameIndex(built), format: 'backstory-name-index/0' } as unknown as SerializedNameIndex;
    expect(restoreNameIndex(built.entries, stale).byKey).toEqual(built.byKey);
  });
});
