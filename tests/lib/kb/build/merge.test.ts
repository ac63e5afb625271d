import { describe, expect, test } from 'vitest';
import { distanceKm } from '../../../../lib/geo/bounds';
import { mergeCurated, redirectRelations } from '../../../../lib/kb/build/merge';
import type { KbEntry } from '../../../../lib/kb/types';

function place(id: string, name: string, extra: Partial<KbEntry> = {}): KbEntry {
  return { id, kind: 'place', subtype: 'region', name, aliases: [], lat: 31.42, lon: 34.38, source: 'test', ...extra };
}

describe('mergeCurated', () => {
  test('a curated entry with a generated entry’s name nearby takes it in: one entry, aliases united', () => {
    const generated = [place('adm1:PS.GZ', 'Gaza Strip', { aliases: ['Qita Ghazzah'], country: 'PS' })];
    const curated = [place('Q39760', 'Gaza Strip', { subtype: 'area', aliases: ['Gaza'], country: 'PS' })];
    const { entries, redirects } = mergeCurated(generated, curated);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.id).toBe('Q39760');
    expect(entries[0]?.subtype).toBe('area');
    expect(entries[0]?.aliases).toEqual(['Gaza', 'Qita Ghazzah']);
    expect(redirects.get('adm1:PS.GZ')).toBe('Q39760');
  });

  test('curated fields win over generated ones', () => {
    const generated = [place('iso:TR', 'Türkiye', { subtype: 'country', prominence: 0.99, lat: 39, lon: 35 })];
    const curated = [place('iso:TR', 'Turkey', { subtype: 'country', aliases: ['Türkiye'], lat: 39.1, lon: 35.1 })];
    const [merged] = mergeCurated(generated, curated).entries;
    expect(merged?.name).toBe('Turkey');
    expect(merged?.lat).toBe(39.1);
    expect(merged?.prominence).toBe(0.99);
    expect(merged?.aliases).toEqual(['Türkiye']);
  });

  test('sameAs ids are merged even under another name', () => {
    const generated = [place('adm1:IL.WE', 'Judea and Samaria Area', { country: 'IL' })];
    const curated = [place('Q36678', 'West Bank', { subtype: 'area', country: 'PS', sameAs: ['adm1:IL.WE'] })];
    const { entries } = mergeCurated(generated, curated);
    expect(entries.map((e) => e.id)).toEqual(['Q36678']);
    expect(entries[0]?.aliases).toContain('Judea and Samaria Area');
  });

  test('relations of a generated entry of another country are not taken in', () => {
    const generated = [
      place('adm1:IL.WE', 'Judea and Samaria Area', {
        country: 'IL',
        relations: [{ type: 'part-of', target: 'Q801' }],
      }),
    ];
    const curated = [place('Q36678', 'West Bank', { subtype: 'area', country: 'PS', sameAs: ['adm1:IL.WE'] })];
    expect(mergeCurated(generated, curated).entries[0]?.relations).toBeUndefined();
  });

  test('a curated feature never swallows the town it is named after', () => {
    const generated = [place('gn:1', 'Rafah', { subtype: 'city' })];
    const curated = [place('bs:rafah-crossing', 'Rafah crossing', { subtype: 'crossing', aliases: ['Rafah'] })];
    expect(mergeCurated(generated, curated).entries).toHaveLength(2);
  });

  test('namesakes far apart stay separate', () => {
    const generated = [place('gn:1', 'Tripoli', { subtype: 'city', lat: 34.43, lon: 35.84 })];
    const curated = [place('bs:tripoli', 'Tripoli', { subtype: 'city', lat: 32.89, lon: 13.19 })];
    expect(mergeCurated(generated, curated).entries).toHaveLength(2);
  });

  test('redirectRelations points relations at the surviving ids', () => {
    const city = place('gn:2', 'Gaza', { subtype: 'city', relations: [{ type: 'part-of', target: 'adm1:PS.GZ' }] });
    const [out] = redirectRelations([city], new Map([['adm1:PS.GZ', 'Q39760']]));
    expect(out?.relations).toEqual([{ type: 'part-of', target: 'Q39760' }]);
  });

  test('distanceKm measures great-circle distance', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19, 1);
  });
});
