import { describe, expect, test } from 'vitest';
import { buildNameIndex, isAcronym, positionsOf } from '../../../lib/kb/name-index';
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
