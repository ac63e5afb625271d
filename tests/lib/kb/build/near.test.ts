import { expect, test } from 'vitest';
import { withNearestCities } from '../../../../lib/kb/build/near';
import type { KbEntry } from '../../../../lib/kb/types';

const place = (id: string, name: string, lat: number, lon: number, population: number, country = 'UA'): KbEntry => ({
  id,
  kind: 'place',
  subtype: population >= 100_000 ? 'city' : 'town',
  name,
  aliases: [],
  country,
  lat,
  lon,
  population,
  source: 'test',
});

test('a town is placed by the closest large city of its own country, within reach', () => {
  const out = withNearestCities([
    place('a', 'Kharkiv', 49.99, 36.23, 1_400_000),
    place('b', 'Sloviansk', 48.87, 37.62, 106_000),
    place('c', 'Izium', 49.21, 37.26, 45_884),
    place('d', 'Belgorod', 50.6, 36.6, 390_000, 'RU'),
    place('e', 'Faraway', 45.0, 30.0, 500),
  ]);
  expect(out[2]?.near).toEqual({ id: 'b', km: 46 });
  // Large cities are landmarks themselves; a town too far from any gets no "near".
  expect(out[0]?.near).toBeUndefined();
  expect(out[4]?.near).toBeUndefined();
});
