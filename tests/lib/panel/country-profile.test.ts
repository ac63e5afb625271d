import { describe, expect, test } from 'vitest';
import type { CountryProfile } from '../../../lib/kb/types';
import { profileRows, profileSourceLine, readableCount, readableDate } from '../../../lib/panel/country-profile';

const profile: CountryProfile = {
  capitals: [{ name: 'Washington, D.C.', id: 'gn:4140963' }],
  region: 'North America',
  population: 338_000_000,
  populationYear: 2025,
  area: 9_372_610,
  languages: ['English'],
  currencies: ['United States dollar (USD)'],
  borders: [
    { name: 'Canada', id: 'Q16' },
    { name: 'Mexico', id: 'Q96' },
  ],
  governmentType: 'constitutional federal republic',
  headOfState: [{ name: 'Donald Trump', id: 'Q22686', title: 'President', since: '2025-01-20' }],
  headOfGovernment: [{ name: 'Donald Trump', id: 'Q22686', title: 'President', since: '2025-01-20' }],
  legislature: 'Congress (Senate, House of Representatives)',
  asOf: '2026-01-22',
  sources: ['CIA World Factbook', 'world-countries'],
};

describe('profileRows', () => {
  test('one leader row when one person holds both offices, names that open their entries', () => {
    const rows = profileRows(profile);
    expect(rows.map((r) => r.label)).toEqual([
      'Capital',
      'Head of state and government',
      'Government',
      'Population',
      'Area',
      'Region',
      'Language',
      'Currency',
      'Legislature',
      'Borders',
    ]);
    expect(rows[1]?.parts).toEqual([
      { text: 'President ' },
      { text: 'Donald Trump', id: 'Q22686' },
      { text: ' (since 20 Jan 2025)' },
    ]);
    expect(rows.find((r) => r.label === 'Borders')?.parts).toEqual([
      { text: 'Canada', id: 'Q16' },
      { text: ', ' },
      { text: 'Mexico', id: 'Q96' },
    ]);
    expect(rows.find((r) => r.label === 'Population')?.parts).toEqual([{ text: '338 million (2025 est.)' }]);
  });

  test('what the profile does not know is left out', () => {
    const empty = { ...profile, capitals: [], headOfState: [], headOfGovernment: [], borders: [], languages: [] };
    const labels = profileRows(empty).map((r) => r.label);
    expect(labels).not.toContain('Capital');
    expect(labels).not.toContain('Head of state');
    expect(labels).not.toContain('Borders');
  });
});

test('dates, counts and the source line read as a reader expects', () => {
  expect(readableDate('2025-05-06')).toBe('6 May 2025');
  expect(readableDate('2022-06')).toBe('Jun 2022');
  expect(readableDate('1997')).toBe('1997');
  expect(readableCount(1_815)).toBe('1,815');
  expect(readableCount(1_410_000_000)).toBe('1.41 billion');
  expect(profileSourceLine(profile)).toBe('As of 22 Jan 2026 · CIA World Factbook; world-countries');
});
