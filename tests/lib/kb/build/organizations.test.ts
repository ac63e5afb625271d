import { describe, expect, test } from 'vitest';
import { withLeaderQids } from '../../../../lib/kb/build/office-holders';
import { organizationEntries } from '../../../../lib/kb/build/organizations';
import type { KbEntry } from '../../../../lib/kb/types';
import { parseCsv, parseSupraverden } from '../../../../scripts/convert-organizations';

const spd: KbEntry = {
  id: 'bs:spd',
  kind: 'organization',
  subtype: 'party',
  name: 'Social Democratic Party of Germany',
  aliases: ['SPD'],
  country: 'DE',
  source: 'curated',
};
const geneva: KbEntry = {
  id: 'gn:2660646',
  kind: 'place',
  subtype: 'city',
  name: 'Geneva',
  aliases: [],
  country: 'CH',
  source: 'GeoNames',
};
const switzerland: KbEntry = {
  id: 'Q39',
  kind: 'place',
  subtype: 'country',
  name: 'Switzerland',
  aliases: [],
  country: 'CH',
  source: 'x',
};

describe('organizationEntries', () => {
  const result = organizationEntries({
    entries: [spd, geneva, switzerland],
    parties: {
      source: 'Party Facts',
      asOf: '2023-06-05',
      parties: [
        { qid: 'Q49768', name: 'Social Democratic Party of Germany', short: 'SPD', country: 'DE', founded: 1875 },
        { qid: 'Q1', name: 'Social Democratic Party', short: 'SD', country: 'AD', founded: 2000 },
      ],
    },
    igos: {
      source: 'SupraVerden (CC BY-SA 4.0)',
      license: 'CC BY-SA 4.0',
      asOf: '2026-06-24',
      organizations: [
        {
          qid: 'Q7817',
          name: 'World Health Organization',
          abbreviations: ['WHO'],
          otherNames: ['Council of ministers'],
          founded: 1948,
          headquarters: 'Geneva, Switzerland',
        },
      ],
    },
    placeOf: (city, country) => (city === 'Geneva' && country === 'Switzerland' ? 'gn:2660646' : undefined),
  });

  test('a curated party gains its QID and founding year, not a second entry', () => {
    expect(result.changed.get('bs:spd')).toMatchObject({ qid: 'Q49768', facts: [{ date: '1875', text: 'Founded' }] });
    expect(result.added.map((e) => e.name)).not.toContain('Social Democratic Party of Germany');
  });

  test('a new party links only in an article about its country; a two-letter abbreviation is no alias', () => {
    expect(result.added.find((e) => e.country === 'AD')).toMatchObject({
      subtype: 'party',
      qid: 'Q1',
      needsCountryCue: true,
      aliases: [],
    });
  });

  test('an IGO with its QID, distinctive names only, and its headquarters', () => {
    expect(result.added.find((e) => e.qid === 'Q7817')).toMatchObject({
      subtype: 'international-organization',
      name: 'World Health Organization',
      aliases: ['WHO'],
      relations: [{ type: 'based-in', target: 'gn:2660646' }],
      facts: [{ date: '1948', text: 'Established' }],
    });
  });
});

test("a leader's QID goes to the one person of that country with that name", () => {
  const scholz: KbEntry = {
    id: 'bs:olaf-scholz',
    kind: 'person',
    subtype: 'head-of-government',
    name: 'Olaf Scholz',
    aliases: [],
    country: 'DE',
    source: 'x',
  };
  const out = withLeaderQids([scholz], {
    source: 'Wikidata',
    asOf: '2022-10-10',
    leaders: [
      { qid: 'Q61053', name: 'Olaf Scholz', country: 'DE' },
      { qid: 'Q2', name: 'Olaf Scholz', country: 'AT' },
    ],
  });
  expect(out[0]?.qid).toBe('Q61053');
});

test('the converters read quoted CSV fields and the YAML list of organisations', () => {
  expect(parseCsv('a,b\n"x, ""y""",2\n')).toEqual([{ a: 'x, "y"', b: '2' }]);
  expect(
    parseSupraverden(
      "World Health Organization:\n  Name_en: World Health Organization\n  Wikidata_code: Q7817\n  OpenSanctions_id: '[No code found.]'\n  LEI_bic:\n  - X\n",
    ),
  ).toEqual([{ Name_en: 'World Health Organization', Wikidata_code: 'Q7817', OpenSanctions_id: '[No code found.]' }]);
});

test('an abbreviation that is an everyday word in capitals ("CUP") is no alias', () => {
  const { added } = organizationEntries({
    entries: [],
    isBlocked: (w) => w === 'cup',
    parties: {
      source: 'Party Facts',
      asOf: '2023-06-05',
      parties: [
        { qid: 'Q10', name: 'Popular Unity Candidacy', short: 'CUP', country: 'ES' },
        { qid: 'Q11', name: 'Party of Labour of Albania', short: 'PPSH', country: 'AL' },
      ],
    },
  });
  expect(added.map((e) => e.aliases)).toEqual([[], ['PPSH']]);
});
