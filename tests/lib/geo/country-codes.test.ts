import { describe, expect, test } from 'vitest';
import { COUNTRY_ROWS } from '../../../lib/geo/country-codes';
import { countryInfo } from '../../../lib/geo/view';

describe('country codes (generated from world-countries and world-atlas)', () => {
  test('maps ISO alpha-2 to world-atlas ISO numeric ids', () => {
    expect(countryInfo('SY')).toMatchObject({ key: '760', name: 'Syria' });
    expect(countryInfo('us')).toMatchObject({ key: '840', name: 'United States' });
  });

  test('maps Kosovo, which has no id in world-atlas, by its name', () => {
    expect(countryInfo('XK')?.key).toBe('Kosovo');
  });

  test('gives no shape to codes whose land is inside another shape, but keeps a point', () => {
    const guiana = countryInfo('GF');
    expect(guiana?.key).toBe('');
    expect(guiana?.bounds[0]).toBe(guiana?.bounds[2]);
  });

  test('knows nothing of unknown or inherited-property codes', () => {
    expect(countryInfo('ZZ')).toBeUndefined();
    expect(countryInfo('constructor')).toBeUndefined();
    expect(countryInfo(undefined)).toBeUndefined();
  });

  test('every box has south below north and finite edges', () => {
    for (const [code, row] of Object.entries(COUNTRY_ROWS)) {
      const [, , w, s, e, n] = row;
      expect([w, s, e, n].every(Number.isFinite), code).toBe(true);
      expect(s <= n, code).toBe(true);
    }
  });
});
