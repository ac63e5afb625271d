/** A small hand-made knowledge base for unit tests: a few real places and actors with the usual ambiguities. */
import { buildNameIndex, type NameIndex } from '../../lib/kb/name-index';
import type { EntityKind, KbEntry } from '../../lib/kb/types';

function entry(
  id: string,
  kind: EntityKind,
  subtype: string,
  name: string,
  aliases: string[],
  extra: Partial<KbEntry> = {},
): KbEntry {
  return { id, kind, subtype, name, aliases, source: 'test', ...extra };
}

export const MINI_ENTRIES: KbEntry[] = [
  entry('Q858', 'place', 'country', 'Syria', ['Syrian Arab Republic'], {
    country: 'SY',
    prominence: 1,
    lat: 35,
    lon: 38,
    demonyms: ['Syrian', 'Syrians'],
  }),
  entry('Q796', 'place', 'country', 'Iraq', ['Republic of Iraq'], { country: 'IQ', prominence: 1, lat: 33, lon: 44 }),
  entry('Q30', 'place', 'country', 'United States', ['US', 'U.S.', 'USA', 'United States of America'], {
    country: 'US',
    prominence: 1,
    lat: 39.8,
    lon: -98.6,
  }),
  entry('Q230', 'place', 'country', 'Georgia', ['Sakartvelo'], { country: 'GE', prominence: 0.9, lat: 42, lon: 43.5 }),
  entry('gn:4197000', 'place', 'region', 'Georgia', [], { country: 'US', prominence: 0.75, lat: 32.75, lon: -83.5 }),
  entry('gn:173334', 'place', 'city', 'Qamishli', ['Al-Qamishli', 'Kamishli', 'Al Qamishli'], {
    country: 'SY',
    prominence: 0.4,
    lat: 37.05,
    lon: 41.23,
  }),
  entry('gn:95446', 'place', 'city', 'Erbil', ['Irbil', 'Arbil', 'Hawler'], {
    country: 'IQ',
    prominence: 0.6,
    lat: 36.19,
    lon: 44.01,
  }),
  entry('gn:170063', 'place', 'capital', 'Damascus', ['Dimashq'], {
    country: 'SY',
    prominence: 0.7,
    lat: 33.51,
    lon: 36.29,
  }),
  entry('gn:2990440', 'place', 'city', 'Nice', ['Nizza'], { country: 'FR', prominence: 0.55, lat: 43.7, lon: 7.27 }),
  entry('gn:2639577', 'place', 'city', 'Reading', [], { country: 'GB', prominence: 0.45, lat: 51.46, lon: -0.97 }),
  entry('gn:2643743', 'place', 'capital', 'London', [], { country: 'GB', prominence: 0.9, lat: 51.5, lon: -0.13 }),
  entry('Q6279', 'person', 'head-of-state', 'Joe Biden', ['Biden', 'Joseph Biden'], {
    country: 'US',
    prominence: 0.95,
  }),
  entry('Q57336', 'person', 'religious-leader', 'Ali Khamenei', ['Khamenei', 'Ayatollah Khamenei'], {
    country: 'IR',
    prominence: 0.9,
  }),
  entry(
    'Q208452',
    'organization',
    'armed-forces',
    'Islamic Revolutionary Guard Corps',
    ['IRGC', 'Revolutionary Guards', 'Sepah'],
    {
      country: 'IR',
      prominence: 0.9,
    },
  ),
  entry('Q7042', 'organization', 'international-organization', 'North Atlantic Treaty Organization', ['NATO'], {
    prominence: 0.95,
  }),
  entry('Q806171', 'organization', 'central-bank', 'Bank of England', ['BoE'], { country: 'GB', prominence: 0.8 }),
];

/** A few everyday words, as the shipped artifact carries them (SCOWL). */
export const MINI_EVERYDAY = ['reading', 'nice', 'republic', 'strike', 'march', 'hope', 'split', 'mark'];

/** A few given names, as the shipped artifact carries them. */
export const MINI_GIVEN_NAMES = ['david', 'farid', 'jane', 'wasim', 'mark'];

export function miniIndex(): NameIndex {
  return buildNameIndex(MINI_ENTRIES, { everydayWords: MINI_EVERYDAY, givenNames: MINI_GIVEN_NAMES });
}
