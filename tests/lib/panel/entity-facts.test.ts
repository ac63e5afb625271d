import { describe, expect, test } from 'vitest';
import { countryName } from '../../../lib/country-name';
import {
  connectionsInArticle,
  readableAliases,
  relationRows,
  timeline,
  wikipediaUrl,
} from '../../../lib/panel/entity-facts';
import { mapViewFor } from '../../../lib/panel/map-points';
import { MINI_ENTRIES } from '../../helpers/mini-kb';

const byId = (id: string) => MINI_ENTRIES.find((e) => e.id === id) as (typeof MINI_ENTRIES)[number];

describe('wikipediaUrl', () => {
  test("prefers the entry's own Wikipedia link, else Wikidata's redirect for a QID, else none", () => {
    expect(wikipediaUrl({ id: 'Q1', wikipedia: 'https://en.wikipedia.org/wiki/Charles_III' })).toBe(
      'https://en.wikipedia.org/wiki/Charles_III',
    );
    expect(wikipediaUrl({ id: 'Q858' })).toBe('https://www.wikidata.org/wiki/Special:GoToLinkedPage/enwiki/Q858');
    expect(wikipediaUrl({ id: 'gn:170063' })).toBeUndefined();
    expect(wikipediaUrl({ id: 'bs:x', wikipedia: 'javascript:alert(1)' })).toBeUndefined();
  });
});

describe('relationRows', () => {
  test('names the targets it knows, keeps the ids of the others, in a fixed order', () => {
    const rows = relationRows(
      {
        relations: [
          { type: 'based-in', target: 'Q30' },
          { type: 'leads', target: 'Q858' },
        ],
      },
      new Map([['Q858', { name: 'Syria' }]]),
    );
    expect(rows).toEqual([
      { label: 'Leads', targetId: 'Q858', targetName: 'Syria' },
      { label: 'Based in', targetId: 'Q30' },
    ]);
  });
});

describe('countryName and timeline', () => {
  test('names a country from its code and sorts facts by date', () => {
    expect(countryName('sy')).toBe('Syria');
    expect(
      timeline({
        facts: [
          { date: '2024', text: 'b', source: '' },
          { date: '2011-03', text: 'a', source: '' },
        ],
      }).map((f) => f.text),
    ).toEqual(['a', 'b']);
  });
});

describe('mapViewFor', () => {
  test('a place is the focus in its country, with the other places of the article around it', () => {
    const view = mapViewFor(byId('gn:173334'), [byId('gn:173334'), byId('gn:170063'), byId('Q6279'), byId('Q796')]);
    expect(view).toEqual({
      focus: { lat: 37.05, lon: 41.23, label: 'Qamishli' },
      subtype: 'city',
      country: 'SY',
      others: [
        { lat: 33.51, lon: 36.29, label: 'Damascus' },
        { lat: 33, lon: 44, label: 'Iraq' },
      ],
    });
  });

  test('an actor shows its country and no focus; nothing to draw gives no map', () => {
    expect(mapViewFor(byId('Q6279'), [])).toEqual({ country: 'US', others: [] });
    expect(mapViewFor({ id: 'x', kind: 'organization', subtype: '', name: 'X' }, [byId('Q796')])).toBeUndefined();
  });
});

describe('connectionsInArticle', () => {
  test("says how the entry relates to the article's other entries, and only to them", () => {
    const merz = {
      name: 'Friedrich Merz',
      relations: [
        { type: 'leads' as const, target: 'Q183' },
        { type: 'member-of' as const, target: 'bs:cdu' },
        { type: 'succeeded' as const, target: 'bs:olaf-scholz' },
      ],
    };
    const targets = new Map([
      ['Q183', { name: 'Germany' }],
      ['bs:cdu', { name: 'Christian Democratic Union' }],
      ['bs:olaf-scholz', { name: 'Olaf Scholz' }],
    ]);
    expect(connectionsInArticle(merz, new Set(['Q183', 'bs:olaf-scholz']), targets)).toEqual([
      { text: 'Friedrich Merz leads Germany', targetId: 'Q183' },
      { text: 'Friedrich Merz succeeded Olaf Scholz', targetId: 'bs:olaf-scholz' },
    ]);
  });
});

test('readableAliases: no inflected forms, no repeats of the name, Latin letters first', () => {
  expect(
    readableAliases({
      name: 'Kyiv',
      aliases: ['Kiev', 'Kievi', 'Kievom', 'Kievu', 'Kyïv', 'Киев', 'Kiyev'],
    }),
  ).toEqual(['Kiev', 'Kiyev', 'Киев']);
});
