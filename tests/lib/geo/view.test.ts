import { describe, expect, test } from 'vitest';
import { boundsContain, latSpan, lonSpan } from '../../../lib/geo/bounds';
import { chooseView, countryInfo, mapScaleFor, NEARBY_KM } from '../../../lib/geo/view';

const damascus = { lat: 33.51, lon: 36.29, label: 'Damascus' };
const aleppo = { lat: 36.2, lon: 37.15, label: 'Aleppo' };
const raqqa = { lat: 35.95, lon: 39.01, label: 'Raqqa' };
const washington = { lat: 38.9, lon: -77.04, label: 'Washington' };

describe('chooseView', () => {
  test('a city alone gets a minimum extent around it, not a blank zoom', () => {
    const view = chooseView({ focus: damascus, country: 'SY' });
    expect(view).not.toBeNull();
    const b = view?.bounds ?? [0, 0, 0, 0];
    expect(boundsContain(b, damascus.lon, damascus.lat)).toBe(true);
    expect(latSpan(b)).toBeGreaterThanOrEqual(3);
    expect(latSpan(b)).toBeLessThan(5);
    expect(view).toMatchObject({ detail: '50m', countryKey: '760', countryName: 'Syria' });
  });

  test('a city with nearby others fits them all', () => {
    const b = chooseView({ focus: damascus, country: 'SY', others: [aleppo, raqqa] })?.bounds ?? [0, 0, 0, 0];
    for (const p of [damascus, aleppo, raqqa]) expect(boundsContain(b, p.lon, p.lat), p.label).toBe(true);
  });

  test('far-away others are left out of the fit', () => {
    const near = chooseView({ focus: damascus, country: 'SY', others: [aleppo] });
    const withFar = chooseView({ focus: damascus, country: 'SY', others: [aleppo, washington] });
    expect(withFar).toEqual(near);
    expect(boundsContain(withFar?.bounds ?? [0, 0, 0, 0], washington.lon, washington.lat)).toBe(false);
    expect(NEARBY_KM).toBeLessThan(1500);
  });

  test('an actor with only a country gets that country, shaded', () => {
    const view = chooseView({ country: 'FR' });
    expect(view?.countryKey).toBe('250');
    const b = view?.bounds ?? [0, 0, 0, 0];
    expect(boundsContain(b, 2.35, 48.86)).toBe(true); // Paris
    expect(boundsContain(b, 9.15, 42.15)).toBe(true); // Corsica
    expect(boundsContain(b, -53, 4)).toBe(false); // French Guiana is France's shape, not its map
  });

  test('a country-scale place fits its whole country', () => {
    const local = chooseView({ focus: { lat: 35, lon: 38.5, label: 'Syria' }, country: 'SY' });
    const country = chooseView({ focus: { lat: 35, lon: 38.5, label: 'Syria' }, country: 'SY', scale: 'country' });
    const b = country?.bounds ?? [0, 0, 0, 0];
    expect(boundsContain(b, 42.2, 37.2)).toBe(true); // Syria's north-east corner
    expect(boundsContain(b, 35.8, 32.4)).toBe(true); // and south-west
    expect(lonSpan(b)).toBeGreaterThan(lonSpan(local?.bounds ?? [0, 0, 0, 0]));
  });

  test('Russia crosses the antimeridian without becoming the whole world, and is drawn coarse', () => {
    const view = chooseView({ country: 'RU' });
    const b = view?.bounds ?? [0, 0, 0, 0];
    expect(b[0]).toBeGreaterThan(b[2]); // crosses 180°
    expect(lonSpan(b)).toBeGreaterThan(180);
    expect(lonSpan(b)).toBeLessThan(300);
    expect(boundsContain(b, -175, 66)).toBe(true); // Chukotka east of 180°
    expect(boundsContain(b, 20.5, 54.7)).toBe(true); // Kaliningrad
    expect(view?.detail).toBe('110m');
  });

  test('Fiji is a small box across the antimeridian', () => {
    const b = chooseView({ country: 'FJ' })?.bounds ?? [0, 0, 0, 0];
    expect(b[0]).toBeGreaterThan(b[2]);
    expect(lonSpan(b)).toBeLessThan(10);
    expect(boundsContain(b, 178.44, -18.14)).toBe(true); // Suva
  });

  test('the USA is fitted with Alaska but not Hawaii', () => {
    const b = chooseView({ country: 'US' })?.bounds ?? [0, 0, 0, 0];
    expect(boundsContain(b, -149.9, 61.2)).toBe(true); // Anchorage
    expect(boundsContain(b, -77.04, 38.9)).toBe(true);
    // The margin may show Hawaii's edge, but the country's box, which the view fits, leaves it out.
    expect(boundsContain(countryInfo('US')?.bounds ?? [0, 0, 0, 0], -157.86, 21.3)).toBe(false); // Honolulu
    expect(boundsContain(b, 172.9, 52.9)).toBe(false); // Attu, west of 180°
  });

  test('others across the antimeridian are fitted across it', () => {
    const suva = { lat: -18.14, lon: 178.44, label: 'Suva' };
    const labasa = { lat: -16.43, lon: 179.38, label: 'Labasa' };
    const lau = { lat: -17.2, lon: -178.8, label: 'Lakeba' };
    const b = chooseView({ focus: suva, others: [labasa, lau] })?.bounds ?? [0, 0, 0, 0];
    expect(lonSpan(b)).toBeLessThan(20);
    for (const p of [suva, labasa, lau]) expect(boundsContain(b, p.lon, p.lat), p.label).toBe(true);
  });

  test('nothing to map without a focus and with an unknown country', () => {
    expect(chooseView({ country: 'ZZ' })).toBeNull();
    expect(chooseView({})).toBeNull();
    expect(chooseView({ focus: { lat: Number.NaN, lon: 0, label: 'nowhere' } })).toBeNull();
  });

  test('a place with an unknown country still gets a map, without shading', () => {
    const view = chooseView({ focus: damascus, country: 'ZZ' });
    expect(view?.countryKey).toBeUndefined();
    expect(boundsContain(view?.bounds ?? [0, 0, 0, 0], damascus.lon, damascus.lat)).toBe(true);
  });

  test('a country without a shape of its own is shown around its centre, unshaded', () => {
    const view = chooseView({ country: 'GF' });
    expect(view?.countryKey).toBeUndefined();
    expect(view?.countryName).toBe('French Guiana');
    expect(boundsContain(view?.bounds ?? [0, 0, 0, 0], -53, 4)).toBe(true);
  });
});

describe('mapScaleFor', () => {
  test('maps knowledge-base subtypes to map scales', () => {
    expect(mapScaleFor('country')).toBe('country');
    expect(mapScaleFor('region')).toBe('region');
    expect(mapScaleFor('city')).toBe('local');
    expect(mapScaleFor(undefined)).toBe('local');
  });
});
