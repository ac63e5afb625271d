import { describe, expect, test } from 'vitest';
import { decodeKb, encodeKb } from '../../../../lib/kb/artifact';
import { isReadableName, parsePhoenixPeople, phoenixDate, phoenixName } from '../../../../lib/kb/build/phoenix';
import { officialEntry, officialRow } from '../../../../lib/kb/officials';

// Lines in the PETRARCH2 dictionary format (names of public officials, as the Phoenix files write them).
const DICTIONARY = [
  'GERMANY_',
  '+DEUTSCHLAND_',
  '\t[DEU]',
  'ANGELA_MERKEL_  # CountryInfo.txt',
  '+CHANCELLOR_MERKEL_',
  '+ANGELA_DOROTHEA_MERKEL_',
  '+MERKEL',
  '\t[DEUELI 720101-000101]',
  '\t[DEUGOV >051122]',
  'AXEL_A._WEBER_  # CountryInfo.txt',
  '\t[DEUGOVBUS 040801-070531]',
  'FRANZ_JOSEF_JUNG_  # CountryInfo.txt',
  '\t[DEUGOVMIL 051122-091028]',
  '\t[DEUGOVLAB 091028-091130]',
].join('\n');

describe('parsePhoenixPeople', () => {
  const people = parsePhoenixPeople(DICTIONARY, (iso3) => (iso3 === 'DEU' ? 'DE' : undefined));

  test('people with dated government posts; countries are not people; titled and one-word aliases go', () => {
    expect(people.map((p) => p.name)).toEqual(['Angela Merkel', 'Axel A. Weber', 'Franz Josef Jung']);
    expect(people[0]).toEqual({
      name: 'Angela Merkel',
      aliases: ['Angela Dorothea Merkel'],
      country: 'DE',
      stints: [{ portfolio: '', from: '2005-11' }],
    });
    expect(people[2]?.stints).toEqual([
      { portfolio: 'MIL', from: '2005-11', to: '2009-10' },
      { portfolio: 'LAB', from: '2009-10', to: '2009-11' },
    ]);
  });

  test('names, dates and what a readable name is', () => {
    expect(phoenixName('BASHAR_AL-ASSAD_')).toBe('Bashar al-Assad');
    expect(phoenixName("MARTIN_O'NEILL_")).toBe("Martin O'Neill");
    expect(phoenixDate('051122')).toBe('2005-11');
    expect(phoenixDate('720101')).toBe('1972-01');
    expect(isReadableName('Chancellor Merkel')).toBe(false);
    expect(isReadableName('Merkel')).toBe(false);
  });
});

test('an official is worded from its row, and the artifact stores the row and gives the same entry back', () => {
  const file = { source: 'Phoenix actor dictionaries (to 2014)', license: 'MIT', asOf: '2014-12-31', people: [] };
  const person = {
    name: 'Franz Josef Jung',
    aliases: [],
    country: 'DE',
    stints: [{ portfolio: 'MIL', from: '2005-11', to: '2009-10' }],
  };
  const entry = officialEntry(person, 'bs:franz-josef-jung-de', 'Germany', file);
  expect(entry).toMatchObject({
    kind: 'person',
    role: 'Government official of Germany (defence), 2005–2009 (as of 2014)',
    needsCountryCue: true,
    facts: [
      { date: '2005-11', text: 'Took a government post (defence)' },
      { date: '2009-10', text: 'Left a government post (defence)' },
    ],
  });
  const artifact = encodeKb([entry], [], '', {
    file: { source: file.source, license: file.license, asOf: file.asOf },
    countryNames: { DE: 'Germany' },
    rows: [officialRow(person, entry.id)],
  });
  expect(artifact.entries).toEqual([]);
  expect(artifact.officials?.rows).toHaveLength(1);
  expect(decodeKb(JSON.parse(JSON.stringify(artifact)))).toEqual([entry]);
});
