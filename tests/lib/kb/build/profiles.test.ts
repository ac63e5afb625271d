import { describe, expect, test } from 'vitest';
import type { WorldCountry } from '../../../../lib/kb/build/countries';
import type { FactbookCountry } from '../../../../lib/kb/build/factbook';
import { isSamePerson } from '../../../../lib/kb/build/office-holders';
import { attachProfiles, countryDescription } from '../../../../lib/kb/build/profiles';
import type { KbEntry } from '../../../../lib/kb/types';

function world(cca2: string, cca3: string, name: string, extra: Partial<WorldCountry> = {}): WorldCountry {
  return {
    name: { common: name, official: name },
    cca2,
    cca3,
    independent: true,
    unMember: true,
    capital: [],
    altSpellings: [],
    latlng: [0, 0],
    ...extra,
  };
}

const countries = [
  world('DE', 'DEU', 'Germany', {
    capital: ['Berlin'],
    borders: ['AUT'],
    area: 357114,
    subregion: 'Western Europe',
    languages: { deu: 'German' },
    currencies: { EUR: { name: 'Euro' } },
  }),
  world('AT', 'AUT', 'Austria', { borders: ['DEU'] }),
  world('GB', 'GBR', 'United Kingdom'),
  world('CA', 'CAN', 'Canada'),
];

function place(id: string, name: string, country: string, subtype = 'country'): KbEntry {
  return { id, kind: 'place', subtype, name, aliases: [], country, lat: 0, lon: 0, source: 'test' };
}

function person(id: string, name: string, country: string, aliases: string[] = []): KbEntry {
  return { id, kind: 'person', subtype: 'head-of-government', name, aliases, country, source: 'curated' };
}

function facts(code: string, extra: Partial<FactbookCountry>): FactbookCountry {
  return { code, gec: code.toLowerCase(), capitals: [], chiefOfState: [], headOfGovernment: [], ...extra };
}

const entries: KbEntry[] = [
  place('Q183', 'Germany', 'DE'),
  place('Q40', 'Austria', 'AT'),
  place('Q145', 'United Kingdom', 'GB'),
  place('Q16', 'Canada', 'CA'),
  place('gn:2950159', 'Berlin', 'DE', 'capital'),
  person('bs:friedrich-merz', 'Friedrich Merz', 'DE', ['Merz']),
  person('Q43274', 'Charles III', 'GB'),
];

const factbook = {
  source: 'CIA World Factbook',
  asOf: '2026-01-22',
  countries: [
    facts('DE', {
      capitals: ['Berlin'],
      population: 84_012_284,
      populationYear: 2025,
      governmentType: 'federal parliamentary republic',
      chiefOfState: [{ title: 'President', name: 'Frank-Walter Steinmeier', since: '2017-03-19' }],
      headOfGovernment: [{ title: 'Chancellor', name: 'Friedrich Merz', since: '2025-05-06' }],
    }),
    facts('GB', { chiefOfState: [{ title: 'King', name: 'Charles III', since: '2022-09-08' }] }),
    facts('CA', { chiefOfState: [{ title: 'King', name: 'Charles III', since: '2022-09-08' }] }),
  ],
};

describe('attachProfiles', () => {
  const result = attachProfiles({ entries, countries, factbook });
  const byId = new Map([...result.entries, ...result.added].map((e) => [e.id, e]));

  test('a country gets capital, population, leaders, neighbours and a description written from them', () => {
    const germany = byId.get('Q183');
    expect(germany?.profile).toMatchObject({
      capitals: [{ name: 'Berlin', id: 'gn:2950159' }],
      population: 84_012_284,
      populationYear: 2025,
      area: 357114,
      region: 'Western Europe',
      languages: ['German'],
      currencies: ['Euro (EUR)'],
      borders: [{ name: 'Austria', id: 'Q40' }],
      governmentType: 'federal parliamentary republic',
      asOf: '2026-01-22',
    });
    expect(germany?.description).toBe(
      'Federal parliamentary republic in Western Europe; capital Berlin; population 84 million (2025).',
    );
    expect(germany?.asOf).toBe('2026-01-22');
  });

  test('a curated leader is linked and gains the dated office and the relation', () => {
    const germany = byId.get('Q183');
    expect(germany?.profile?.headOfGovernment).toEqual([
      { name: 'Friedrich Merz', id: 'bs:friedrich-merz', title: 'Chancellor', since: '2025-05-06' },
    ]);
    const merz = byId.get('bs:friedrich-merz');
    expect(merz?.relations).toContainEqual({ type: 'leads', target: 'Q183' });
    expect(merz?.facts?.[0]).toMatchObject({ date: '2025-05-06', text: 'Took office as Chancellor of Germany' });
  });

  test('a leader the knowledge base lacks becomes a sourced person entry', () => {
    const id = byId.get('Q183')?.profile?.headOfState[0]?.id ?? '';
    expect(byId.get(id)).toMatchObject({
      kind: 'person',
      subtype: 'head-of-state',
      name: 'Frank-Walter Steinmeier',
      country: 'DE',
      role: 'President of Germany (since 2017)',
      source: 'CIA World Factbook',
      asOf: '2026-01-22',
      relations: [{ type: 'leads', target: 'Q183' }],
    });
  });

  test('one monarch of several realms is one entry, leading each', () => {
    expect(byId.get('Q16')?.profile?.headOfState[0]?.id).toBe('Q43274');
    expect(result.added.map((e) => e.name)).not.toContain('Charles III');
    expect(byId.get('Q43274')?.relations).toEqual([
      { type: 'leads', target: 'Q16' },
      { type: 'leads', target: 'Q145' },
    ]);
  });

  test('a country without Factbook facts still gets what world-countries knows, and no asOf', () => {
    expect(byId.get('Q40')?.profile).toMatchObject({ borders: [{ name: 'Germany', id: 'Q183' }], headOfState: [] });
    expect(byId.get('Q40')?.profile?.asOf).toBeUndefined();
  });
});

describe('isSamePerson', () => {
  test('the same person under a longer or transliterated name', () => {
    expect(isSamePerson(person('a', 'Luis Abinader', 'DO'), 'Luis Rodolfo Abinader Corona')).toBe(true);
    expect(isSamePerson(person('a', 'Ahmed al-Sharaa', 'SY'), "Ahmad al-Shara'")).toBe(true);
    expect(isSamePerson(person('a', 'Cyril Ramaphosa', 'ZA'), 'Matamela Cyril Ramaphosa')).toBe(true);
  });

  test('not a relative who shares the family name, nor a colleague who shares a short word', () => {
    expect(isSamePerson(person('a', 'Hamad bin Isa Al Khalifa', 'BH'), 'Salman bin Hamad Al-Khalifa')).toBe(false);
    expect(isSamePerson(person('a', 'Choe Son Hui', 'KP'), 'Choe Ryong Hae')).toBe(false);
  });
});

test('countryDescription for a territory without a government type', () => {
  expect(
    countryDescription(
      { capitals: [], languages: [], currencies: [], borders: [], headOfState: [], headOfGovernment: [], sources: [] },
      'territory',
    ),
  ).toBe('Territory.');
});

test('isSamePerson across the Factbook spellings of curated names, and not for relatives', () => {
  expect(isSamePerson(person('a', 'Malcolm Turnbull', 'AU'), 'Malcomb Turnbull')).toBe(true);
  expect(isSamePerson(person('a', 'Chan Santokhi', 'SR'), 'Chandrikapersad Santokhi')).toBe(true);
  expect(isSamePerson(person('a', 'Prayut Chan-o-cha', 'TH'), 'Prayut Chan-ocha')).toBe(true);
  expect(isSamePerson(person('a', 'Albert II, Prince of Monaco', 'MC'), 'Albert II')).toBe(true);
  expect(isSamePerson(person('a', 'Pravind Jugnauth', 'MU'), 'Anerood Jugnauth')).toBe(false);
  expect(isSamePerson(person('a', 'Nawaf Salam', 'LB'), 'Tamam Salam')).toBe(false);
});
