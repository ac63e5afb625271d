import { describe, expect, test } from 'vitest';
import { featureProminence, placeProminence } from '../../../../lib/kb/build/prominence';

describe('placeProminence', () => {
  test('a capital outranks a namesake town (Washington DC over a village in Aruba)', () => {
    expect(placeProminence('capital', 689_545)).toBeGreaterThan(placeProminence('city', 1_500));
  });

  test('a provincial seat of a million outranks a town of the same name elsewhere (Donetsk)', () => {
    expect(placeProminence('seat', 901_645)).toBeGreaterThan(placeProminence('city', 50_850));
  });

  test('a country outranks a region of the same name (Georgia)', () => {
    expect(placeProminence('country', 1_500_000)).toBeGreaterThan(placeProminence('region', 8_000_000));
  });

  test('a country outranks any village (Taiwan)', () => {
    expect(placeProminence('country', 0)).toBeGreaterThan(placeProminence('city', 900_000));
  });

  test('a city of millions outranks the state named like it (New York)', () => {
    expect(placeProminence('seat2', 8_800_000)).toBeGreaterThan(placeProminence('region', 19_000_000));
  });

  test('a capital of millions outranks the region named after it (Kyiv)', () => {
    expect(placeProminence('capital', 2_797_553)).toBeGreaterThan(placeProminence('region', 2_800_000));
  });

  test('prominence stays within 0..1', () => {
    for (const tier of ['country', 'territory', 'region', 'capital', 'seat', 'seat2', 'city'] as const) {
      for (const pop of [0, 1, 1e3, 1e9]) {
        const p = placeProminence(tier, pop);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  });

  test('features get their subtype default and unknown subtypes 0.5', () => {
    expect(featureProminence('sea')).toBeGreaterThan(featureProminence('field'));
    expect(featureProminence('no-such-subtype')).toBe(0.5);
  });
});
