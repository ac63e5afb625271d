import { describe, expect, test } from 'vitest';
import { inverseRelations, lookupName } from '../../../lib/kb/lookup';
import { buildNameIndex } from '../../../lib/kb/name-index';
import { withInverseRelations } from '../../../lib/kb/relations';
import type { KbEntry } from '../../../lib/kb/types';

const entries: KbEntry[] = [
  {
    id: 'Q183',
    kind: 'place',
    subtype: 'country',
    name: 'Germany',
    aliases: ['Federal Republic of Germany'],
    country: 'DE',
    lat: 51,
    lon: 9,
    prominence: 0.95,
    description: 'Federal parliamentary republic in Western Europe; capital Berlin.',
    source: 'world-countries',
    profile: {
      capitals: [{ name: 'Berlin', id: 'gn:2950159' }],
      region: 'Western Europe',
      population: 84_012_284,
      populationYear: 2025,
      area: 357114,
      languages: ['German'],
      currencies: ['Euro (EUR)'],
      borders: [],
      headOfState: [],
      headOfGovernment: [{ name: 'Friedrich Merz', id: 'bs:friedrich-merz', title: 'Chancellor', since: '2025-05-06' }],
      asOf: '2026-01-22',
      sources: ['CIA World Factbook'],
    },
  },
  {
    id: 'bs:friedrich-merz',
    kind: 'person',
    subtype: 'head-of-government',
    name: 'Friedrich Merz',
    aliases: ['Merz'],
    country: 'DE',
    role: 'Chancellor of Germany (since 2025)',
    facts: [
      { date: '2025-05-06', text: 'Took office as Chancellor of Germany', source: 'CIA World Factbook' },
      { date: '2022-01-31', text: 'Became leader of the CDU', source: 'Wikipedia' },
    ],
    relations: [{ type: 'leads', target: 'Q183' }],
    source: 'Wikipedia',
    asOf: '2025-09-30',
  },
];

describe('lookupName', () => {
  // As the build ships them: with the other side of each relation.
  const index = buildNameIndex(withInverseRelations(entries));
  const inverse = inverseRelations(index);

  test('a country: its profile with names and since-dates, and who points at it', () => {
    const found = lookupName('Germany', index, inverse);
    expect(found).toMatchObject({
      found: true,
      id: 'Q183',
      kind: 'place',
      subtype: 'country',
      qid: 'Q183',
      profile: {
        capital: 'Berlin',
        population: 84_012_284,
        populationYear: 2025,
        headOfGovernment: [{ name: 'Friedrich Merz', since: '2025-05-06' }],
      },
      relations: [{ type: 'leads', direction: 'in', id: 'bs:friedrich-merz', name: 'Friedrich Merz' }],
    });
  });

  test('a person by a short form: facts oldest first, relations out, no QID for our own id', () => {
    const found = lookupName('Merz', index, inverse);
    expect(found).toMatchObject({
      found: true,
      id: 'bs:friedrich-merz',
      qid: null,
      role: 'Chancellor of Germany (since 2025)',
    });
    if (!found.found) throw new Error('not found');
    expect(found.facts.map((f) => f.date)).toEqual(['2022-01-31', '2025-05-06']);
    expect(found.relations).toEqual([{ type: 'leads', direction: 'out', id: 'Q183', name: 'Germany' }]);
  });

  test('a name the knowledge base does not hold', () => {
    expect(lookupName('Atlantis', index, inverse)).toEqual({ found: false });
    expect(lookupName('   ', index, inverse)).toEqual({ found: false });
  });
});
