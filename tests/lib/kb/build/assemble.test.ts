import { describe, expect, test } from 'vitest';
import { assembleKb, type KbSources } from '../../../../lib/kb/build/assemble';
import type { WorldCountry } from '../../../../lib/kb/build/countries';
import type { GeoNamesRow } from '../../../../lib/kb/build/geonames';
import type { KbEntry } from '../../../../lib/kb/types';

function row(geonameId: number, name: string, extra: Partial<GeoNamesRow>): GeoNamesRow {
  return {
    geonameId,
    name,
    asciiName: name,
    alternateNames: [],
    lat: 0,
    lon: 0,
    featureCode: 'PPL',
    countryCode: 'SY',
    admin1: '01',
    population: 0,
    ...extra,
  };
}

const syria: WorldCountry = {
  name: { common: 'Syria', official: 'Syrian Arab Republic' },
  cca2: 'SY',
  cca3: 'SYR',
  independent: true,
  unMember: true,
  capital: ['Damascus'],
  altSpellings: ['SY', 'Syrian Arab Republic'],
  languages: { ara: 'Arabic' },
  latlng: [35, 38],
  demonyms: { eng: { f: 'Syrian', m: 'Syrian' } },
};

function sources(actors: KbEntry[] = []): KbSources {
  return {
    geonames: [
      row(173811, 'Al Ḩasakah', {
        alternateNames: ['Al-Hasakeh', 'Hasakeh', 'HSK'],
        lat: 36.5,
        lon: 40.75,
        featureCode: 'PPLA',
        population: 81539,
      }),
      row(173377, 'Al Qāmishlī', { alternateNames: ['Kamishli'], lat: 37.05, lon: 41.23, featureCode: 'PPLA2' }),
      row(1, 'Tiny Village', { lat: 36.9, lon: 41.1, population: 800 }),
      row(170654, 'Damascus', { lat: 33.51, lon: 36.29, featureCode: 'PPLC', admin1: '13', population: 1_569_394 }),
    ],
    admin1: [
      { code: 'SY.01', name: 'Al-Hasakah' },
      { code: 'SY.13', name: 'Damascus Governorate' },
    ],
    countries: [syria],
    curatedPlaces: [
      {
        file: 'data/places/test.json',
        data: {
          asOf: '2025-01-01',
          source: 'test file',
          entries: [
            {
              id: 'bs:euphrates',
              kind: 'place',
              subtype: 'river',
              name: 'Euphrates',
              aliases: [],
              lat: 35,
              lon: 40.4,
              source: '',
            },
          ],
        },
      },
    ],
    actors: [{ file: 'data/actors/test.json', data: { asOf: '2025-01-01', source: 'test', entries: actors } }],
  };
}

function byId(entries: KbEntry[], id: string): KbEntry {
  const e = entries.find((x) => x.id === id);
  if (!e) throw new Error(`no ${id}`);
  return e;
}

describe('assembleKb', () => {
  test('ships seats and big towns, not small villages', () => {
    const { entries } = assembleKb(sources(), { minPopulation: 10_000 });
    expect(entries.map((e) => e.id)).toContain('gn:173377');
    expect(entries.map((e) => e.id)).not.toContain('gn:1');
  });

  test('a country gets its QID, demonyms and no bare ISO code alias', () => {
    const syriaEntry = byId(assembleKb(sources(), { minPopulation: 10_000 }).entries, 'Q858');
    expect(syriaEntry.subtype).toBe('country');
    expect(syriaEntry.demonyms).toEqual(['Syrian', 'Syrians']);
    expect(syriaEntry.aliases).toEqual(['Syrian Arab Republic']);
  });

  test("a country point from the points file places the country; without one, world-countries' point stays", () => {
    const without = byId(assembleKb(sources(), { minPopulation: 10_000 }).entries, 'Q858');
    expect([without.lat, without.lon]).toEqual([35, 38]);
    const withPoints = { ...sources(), countryPoints: { SY: { lat: 35, lon: 38.5 } } };
    const placed = byId(assembleKb(withPoints, { minPopulation: 10_000 }).entries, 'Q858');
    expect([placed.lat, placed.lon]).toEqual([35, 38.5]);
  });

  test('a region named like its seat takes the seat’s spellings and lies among its towns', () => {
    const region = byId(assembleKb(sources(), { minPopulation: 10_000 }).entries, 'adm1:SY.01');
    expect(region.aliases).toContain('Hasakeh');
    expect(region.aliases).not.toContain('HSK');
    expect(region.relations).toEqual([{ type: 'part-of', target: 'Q858' }]);
    expect(region.lat).toBeGreaterThan(36.5);
    expect(region.lat).toBeLessThan(37.05);
  });

  test('towns in Arabic-speaking countries also get their name without the article', () => {
    const town = byId(assembleKb(sources(), { minPopulation: 10_000 }).entries, 'gn:173377');
    expect(town.aliases).toEqual(['Kamishli', 'Qāmishlī']);
    expect(town.relations).toEqual([{ type: 'part-of', target: 'adm1:SY.01' }]);
  });

  test('the region outranks its seat, the capital outranks both', () => {
    const { entries } = assembleKb(sources(), { minPopulation: 10_000 });
    expect(byId(entries, 'adm1:SY.01').prominence).toBeGreaterThan(byId(entries, 'gn:173811').prominence ?? 1);
    expect(byId(entries, 'gn:170654').subtype).toBe('capital');
  });

  test('curated entries get their file’s source and asOf and a default prominence', () => {
    const river = byId(assembleKb(sources(), { minPopulation: 10_000 }).entries, 'bs:euphrates');
    expect(river.source).toBe('test file');
    expect(river.asOf).toBe('2025-01-01');
    expect(river.prominence).toBe(0.65);
  });

  test('actor relations to iso: country ids are pointed at the country’s QID', () => {
    const actor: KbEntry = {
      id: 'bs:someone',
      kind: 'person',
      subtype: 'official',
      name: 'Some One',
      aliases: [],
      relations: [{ type: 'member-of', target: 'iso:SY' }],
      source: 'test',
    };
    const out = byId(assembleKb(sources([actor]), { minPopulation: 10_000 }).entries, 'bs:someone');
    expect(out.relations).toEqual([{ type: 'member-of', target: 'Q858' }]);
  });

  test('the same sources give the same entries in the same order', () => {
    const a = assembleKb(sources(), { minPopulation: 10_000 }).entries;
    const b = assembleKb(sources(), { minPopulation: 10_000 }).entries;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
