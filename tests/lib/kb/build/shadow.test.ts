import { describe, expect, test } from 'vitest';
import { dropShadowedAliases, MAX_SHARED_ALIAS } from '../../../../lib/kb/build/shadow';
import type { KbEntry } from '../../../../lib/kb/types';

function town(id: string, name: string, prominence: number, aliases: string[] = []): KbEntry {
  return { id, kind: 'place', subtype: 'town', name, aliases, prominence, lat: 0, lon: 0, source: 'test' };
}

describe('dropShadowedAliases', () => {
  test('drops an alias that is the name of a more prominent place', () => {
    const out = dropShadowedAliases([town('gn:1', 'Washington', 0.81), town('gn:2', 'Macomb', 0.48, ['Washington'])]);
    expect(out[1]?.aliases).toEqual([]);
  });

  test('keeps an alias when its owner by name is less prominent', () => {
    const out = dropShadowedAliases([town('gn:1', 'Kiev', 0.2), town('gn:2', 'Kyiv', 0.84, ['Kiev'])]);
    expect(out[1]?.aliases).toEqual(['Kiev']);
  });

  test('drops an alias many places list but none bears as its name', () => {
    const towns = Array.from({ length: MAX_SHARED_ALIAS }, (_, i) => town(`gn:${i}`, `Town ${i}`, 0.4, ['Aebura']));
    expect(dropShadowedAliases(towns).every((t) => t.aliases.length === 0)).toBe(true);
  });
});
