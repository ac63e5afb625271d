import { describe, expect, test } from 'vitest';
import type { KbEntry } from '../../../lib/kb/types';
import { checkEntry, isIsoDate, validateKb } from '../../../lib/kb/validate';

const GOOD: KbEntry = {
  id: 'bs:tower-22',
  kind: 'place',
  subtype: 'base',
  name: 'Tower 22',
  aliases: [],
  lat: 33.32,
  lon: 38.69,
  prominence: 0.55,
  source: 'test',
};

function errorsOf(value: unknown): string[] {
  return checkEntry(value)
    .filter(([level]) => level === 'error')
    .map(([, message]) => message);
}

describe('checkEntry', () => {
  test('a complete entry has no problems', () => {
    expect(checkEntry(GOOD)).toEqual([]);
  });

  test('missing required fields are errors', () => {
    expect(errorsOf({ id: 'bs:x', kind: 'place' })).toEqual(
      expect.arrayContaining(['subtype is missing', 'name is missing', 'source is missing']),
    );
  });

  test('an unknown kind is an error', () => {
    expect(errorsOf({ ...GOOD, kind: 'thing' })[0]).toMatch(/kind must be/);
  });

  test('latitude and longitude out of range are errors', () => {
    expect(errorsOf({ ...GOOD, lat: 91 })).toEqual(['lat out of range: 91']);
    expect(errorsOf({ ...GOOD, lon: -181 })).toEqual(['lon out of range: -181']);
  });

  test('a place without coordinates is an error', () => {
    const { lat: _lat, lon: _lon, ...noCoords } = GOOD;
    expect(errorsOf(noCoords)).toEqual(['a place needs lat and lon']);
  });

  test('fact dates must be ISO dates', () => {
    const person = { id: 'Q1', kind: 'person', subtype: 'x', name: 'X', aliases: [], source: 's' };
    expect(errorsOf({ ...person, facts: [{ date: '1930s', text: 't', source: 's' }] })[0]).toMatch(/not an ISO date/);
    expect(errorsOf({ ...person, facts: [{ date: '2024-02-30', text: 't', source: 's' }] })[0]).toMatch(/not an ISO/);
  });

  test('a country that is not an ISO alpha-2 code is an error', () => {
    expect(errorsOf({ ...GOOD, country: 'SYR' })[0]).toMatch(/ISO 3166-1/);
  });

  test('an unknown relation type is an error', () => {
    expect(errorsOf({ ...GOOD, relations: [{ type: 'likes', target: 'Q1' }] })[0]).toMatch(/unknown/);
  });
});

describe('isIsoDate', () => {
  test('accepts YYYY, YYYY-MM and YYYY-MM-DD that exist', () => {
    expect(['2024', '2024-02', '2024-02-29'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '2024-13', '24', '2024-1-1'].some(isIsoDate)).toBe(false);
  });
});

describe('validateKb', () => {
  test('reports duplicate ids as errors', () => {
    const report = validateKb([GOOD, GOOD]);
    expect(report.duplicateIds).toEqual(['bs:tower-22']);
    expect(report.errors).toBe(1);
  });

  test('reports relation targets missing from the KB as warnings', () => {
    const report = validateKb([{ ...GOOD, relations: [{ type: 'part-of', target: 'Q999999' }] }]);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(1);
    expect(report.issues[0]?.message).toMatch(/Q999999/);
  });

  test('names the file an entry comes from', () => {
    const report = validateKb([{ ...GOOD, lat: 100 }], {
      origins: new Map([['bs:tower-22', 'data/places/bases.json']]),
    });
    expect(report.issues[0]?.origin).toBe('data/places/bases.json');
  });

  test('counts names shared between entries, and between an actor and a place', () => {
    const jordanRiver = { ...GOOD, id: 'bs:jordan', name: 'Jordan', subtype: 'river' };
    const jordanCountry = { ...GOOD, id: 'Q810', name: 'Jordan', subtype: 'country' };
    const person = {
      id: 'bs:jordan-p',
      kind: 'person',
      subtype: 'x',
      name: 'Michael Jordan',
      aliases: ['Jordan'],
      source: 's',
    };
    const report = validateKb([jordanRiver, jordanCountry, person]);
    expect(report.collisions.keys).toBe(1);
    expect(report.collisions.top[0]).toEqual({ key: 'jordan', count: 3, ids: ['bs:jordan', 'Q810', 'bs:jordan-p'] });
    expect(report.collisions.actorPlace).toBe(1);
  });

  test('counts entries by kind and subtype', () => {
    const report = validateKb([GOOD, { ...GOOD, id: 'bs:b' }]);
    expect(report.counts.places).toBe(2);
    expect(report.bySubtype).toEqual({ 'place/base': 2 });
  });
});

describe('coverage', () => {
  const country: KbEntry = {
    ...GOOD,
    id: 'Q858',
    subtype: 'country',
    name: 'Syria',
    description: 'Transitional presidential republic in Western Asia; capital Damascus.',
    profile: {
      capitals: [{ name: 'Damascus', id: 'gn:170654' }],
      population: 24_300_000,
      languages: [],
      currencies: [],
      borders: [],
      headOfState: [],
      headOfGovernment: [{ name: 'Mohammed al-Bashir', id: 'bs:mohammed-al-bashir' }],
      unMember: true,
      sources: ['test'],
    },
    relations: [{ type: 'led-by', target: 'bs:mohammed-al-bashir' }],
  };
  const pm: KbEntry = {
    id: 'bs:mohammed-al-bashir',
    kind: 'person',
    subtype: 'head-of-government',
    name: 'Mohammed al-Bashir',
    aliases: [],
    relations: [
      { type: 'leads', target: 'Q858' },
      { type: 'member-of', target: 'bs:caretaker-government' },
    ],
    source: 'test',
  };

  test('counts complete countries, and a relation without its other side is a warning', () => {
    const capital: KbEntry = { ...GOOD, id: 'gn:170654', subtype: 'capital', name: 'Damascus' };
    const government: KbEntry = { ...GOOD, id: 'bs:caretaker-government', kind: 'organization', name: 'Caretaker' };
    const report = validateKb([country, pm, capital, government]);
    expect(report.coverage).toMatchObject({
      countries: 1,
      countriesComplete: 1,
      unMembers: 1,
      unMembersWithLeaders: 1,
    });
    expect(report.coverage).toMatchObject({ twoWay: 2, twoWayResolved: 1, profileLinks: 2, profileLinksResolved: 2 });
    expect(report.issues.map((i) => i.message)).toContain(
      'relation member-of bs:caretaker-government has no has-member on its target',
    );
  });

  test('a profile link to a missing entry is an error', () => {
    const report = validateKb([country, pm]);
    expect(report.issues).toContainEqual({
      level: 'error',
      id: 'Q858',
      message: 'profile links to gn:170654, which is not in the KB',
    });
  });
});
