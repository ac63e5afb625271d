import { expect, test } from 'vitest';
import { CARD_DESCRIPTION_MAX, entityCardFor } from '../../../lib/background/entity-card';
import { buildNameIndex } from '../../../lib/kb/name-index';
import { miniIndex } from '../../helpers/mini-kb';

test('a card carries the entry’s name, kind, subtype and country, and nothing it lacks', () => {
  expect(entityCardFor(miniIndex(), 'Q858')).toEqual({
    ok: true,
    value: { name: 'Syria', kind: 'place', subtype: 'country', country: 'SY', source: 'test' },
  });
});

test('a long description is cut: the card shows one line, and the page gets no more than that', () => {
  const index = buildNameIndex([
    {
      id: 'bs:x',
      kind: 'person',
      subtype: 'minister',
      name: 'X',
      aliases: [],
      description: 'y'.repeat(5_000),
      role: 'Minister',
      source: 't',
    },
  ]);
  const card = entityCardFor(index, 'bs:x');
  expect(card.ok && card.value.description?.length).toBe(CARD_DESCRIPTION_MAX);
  expect(card.ok && card.value.role).toBe('Minister');
});

test('unknown or malformed ids are error values', () => {
  expect(entityCardFor(miniIndex(), 'Q0')).toEqual({ ok: false, error: 'unknown entity: Q0' });
  expect(entityCardFor(miniIndex(), 42)).toEqual({ ok: false, error: 'bad entity id' });
  expect(entityCardFor(miniIndex(), 'x'.repeat(500))).toEqual({ ok: false, error: 'bad entity id' });
});

test('a card says where its facts come from and as of when; a place without a description says where it is', () => {
  const index = buildNameIndex([
    {
      id: 'Q212',
      kind: 'place',
      subtype: 'country',
      name: 'Ukraine',
      aliases: [],
      country: 'UA',
      source: 'world-countries',
    },
    {
      id: 'adm1:UA.07',
      kind: 'place',
      subtype: 'region',
      name: 'Kharkiv Oblast',
      aliases: [],
      country: 'UA',
      relations: [{ type: 'part-of', target: 'Q212' }],
      source: 'GeoNames',
    },
    {
      id: 'gn:700051',
      kind: 'place',
      subtype: 'city',
      name: 'Sloviansk',
      aliases: [],
      country: 'UA',
      lat: 48.87,
      lon: 37.62,
      source: 'GeoNames',
    },
    {
      id: 'gn:707292',
      kind: 'place',
      subtype: 'town',
      name: 'Izium',
      aliases: [],
      country: 'UA',
      lat: 49.21,
      lon: 37.26,
      population: 45_884,
      relations: [{ type: 'part-of', target: 'adm1:UA.07' }],
      near: { id: 'gn:700051', km: 46 },
      source: 'GeoNames cities500',
      asOf: '2025-01-01',
    },
  ]);
  expect(entityCardFor(index, 'gn:707292')).toEqual({
    ok: true,
    value: {
      name: 'Izium',
      kind: 'place',
      subtype: 'town',
      country: 'UA',
      description: 'Town in Kharkiv Oblast, Ukraine, 46 km NW of Sloviansk · pop. 45,884 (GeoNames)',
      source: 'GeoNames cities500',
      asOf: '2025-01-01',
    },
  });
});
