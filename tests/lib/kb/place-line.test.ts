import { describe, expect, test } from 'vitest';
import { compassDirection, placeLine } from '../../../lib/kb/place-line';
import type { KbEntry } from '../../../lib/kb/types';

const izium: KbEntry = {
  id: 'gn:707292',
  kind: 'place',
  subtype: 'town',
  name: 'Izium',
  aliases: [],
  country: 'UA',
  lat: 49.2103,
  lon: 37.2564,
  population: 45_884,
  relations: [{ type: 'part-of', target: 'adm1:UA.07' }],
  near: { id: 'gn:700051', km: 46 },
  source: 'GeoNames cities500',
};

describe('placeLine', () => {
  test('kind, region, country, the nearest large city with direction, population and its source', () => {
    expect(
      placeLine(izium, {
        region: { name: 'Kharkiv Oblast', subtype: 'region' },
        near: { name: 'Sloviansk', lat: 48.8667, lon: 37.6167 },
      }),
    ).toBe('Town in Kharkiv Oblast, Ukraine, 46 km NW of Sloviansk · pop. 45,884 (GeoNames)');
  });

  test('a region part of its country names the country once; countries get no line', () => {
    const erbil: KbEntry = {
      ...izium,
      id: 'adm1:IQ.11',
      subtype: 'region',
      name: 'Erbil',
      country: 'IQ',
      near: undefined,
      population: undefined,
    };
    expect(placeLine(erbil, { region: { name: 'Iraq', subtype: 'country' } })).toBe('Region in Iraq');
    expect(placeLine({ ...izium, subtype: 'country', near: undefined })).toBeUndefined();
    expect(placeLine({ ...izium, kind: 'person' })).toBeUndefined();
  });

  test('what is not known is left out', () => {
    expect(placeLine({ ...izium, population: undefined, source: 'curated' })).toBe('Town in Ukraine');
  });
});

test('compassDirection', () => {
  expect(compassDirection({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBe('N');
  expect(compassDirection({ lat: 0, lon: 0 }, { lat: -1, lon: -1 })).toBe('SW');
});
