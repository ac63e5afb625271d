import { describe, expect, test } from 'vitest';
import { countryExtent } from '../../../lib/geo/country-extent';

/** A small square polygon (d3 winding: clockwise exterior) around lon, lat. */
function square(lon: number, lat: number, half: number): number[][][] {
  return [
    [
      [lon - half, lat - half],
      [lon - half, lat + half],
      [lon + half, lat + half],
      [lon + half, lat - half],
      [lon - half, lat - half],
    ],
  ];
}

describe('countryExtent', () => {
  test('leaves out small far-away parts (France without French Guiana)', () => {
    const extent = countryExtent([square(2.5, 46.5, 4.5), square(-53, 4, 1.2)]);
    expect(extent?.map((v) => Math.round(v))).toEqual([-2, 42, 7, 51]);
  });

  test('keeps parts close to the main one (Corsica) and large ones anywhere (East Malaysia)', () => {
    const nearIsland = countryExtent([square(2.5, 46.5, 4.5), square(9.1, 42.1, 0.5)]);
    expect(nearIsland?.[2]).toBeCloseTo(9.6, 1);
    const farButLarge = countryExtent([square(114, 3, 3), square(102, 4, 2)]);
    expect(farButLarge?.[0]).toBeCloseTo(100, 1);
  });

  test('joins parts cut at the antimeridian into one box across it', () => {
    const extent = countryExtent([
      [
        [
          [178, -18],
          [178, -16],
          [180, -16],
          [180, -18],
          [178, -18],
        ],
      ],
      square(-179.5, -17, 0.3),
    ]);
    expect(extent?.[0]).toBeCloseTo(178);
    expect(extent?.[2]).toBeCloseTo(-179.2);
  });

  test('an empty geometry has no extent', () => {
    expect(countryExtent([])).toBeNull();
  });
});
