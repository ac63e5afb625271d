import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../lib/analyze';
import { buildNameIndex } from '../../../lib/kb/name-index';
import type { KbEntry } from '../../../lib/kb/types';
import { isCredit } from '../../../lib/recognize/context-rules';

const entry = (
  id: string,
  kind: KbEntry['kind'],
  subtype: string,
  name: string,
  extra: Partial<KbEntry> = {},
): KbEntry => ({
  id,
  kind,
  subtype,
  name,
  aliases: [],
  source: 't',
  ...extra,
});

const index = buildNameIndex([
  entry('Q668', 'place', 'country', 'India', { country: 'IN', prominence: 1 }),
  entry('Q30', 'place', 'country', 'United States', { aliases: ['US'], country: 'US', prominence: 1 }),
  entry('Q796', 'place', 'country', 'Iraq', { country: 'IQ', prominence: 1 }),
  entry('Q11201', 'organization', 'court', 'Supreme Court of the United States', {
    aliases: ['Supreme Court'],
    country: 'US',
  }),
  entry('bs:epa', 'organization', 'agency', 'Environmental Protection Agency', { aliases: ['EPA'], country: 'US' }),
  entry('Q130879', 'organization', 'news-agency', 'Reuters', { country: 'GB', prominence: 0.8 }),
  entry('bs:labour', 'organization', 'party', 'Labour Party', { country: 'GB' }),
]);
const found = (text: string) => analyzeText(text, index).map((m) => [m.surface, m.entityId ?? null]);

describe('credits and datelines are not the story', () => {
  test('a photo credit or a copyright line names no one the story is about', () => {
    expect(found('Protesters gathered in Baghdad. Photo: EPA')).not.toContainEqual(['EPA', 'bs:epa']);
    expect(found('Image credit: Reuters')).toEqual([]);
    expect(isCredit('© Reuters 2024', 2, 9)).toBe(true);
  });

  test("a dateline's agency is not a mention, the place is", () => {
    const text = 'BAGHDAD (Reuters) - Iraq said on Monday that Reuters had misreported it.';
    expect(found(text)).toEqual([
      ['Iraq', 'Q796'],
      ['Reuters', 'Q130879'],
    ]);
  });
});

describe('whose institution', () => {
  test("a country's possessive keeps another country's institution unlinked", () => {
    expect(found("India's Supreme Court ruled on the appeal on Monday.")).toContainEqual(['Supreme Court', null]);
  });

  test('a bare generic institution is linked only in an article about its country', () => {
    expect(found('The Supreme Court ruled on Monday, lawyers in India said.')).toContainEqual(['Supreme Court', null]);
    expect(found('The Supreme Court ruled on Monday, lawyers in the US said.')).toContainEqual([
      'Supreme Court',
      'Q11201',
    ]);
  });
});

test('a lower-case head noun after a capitalized name: "the Labour party"', () => {
  expect(found('Members of the Labour party met on Monday.')).toContainEqual(['Labour party', 'bs:labour']);
});

test('a caption that says what the photo shows keeps its names', () => {
  expect(found('Photo: Protesters march in India on Monday')).toContainEqual(['India', 'Q668']);
  expect(found('Photo: Smoke rises over Iraq')).toContainEqual(['Iraq', 'Q796']);
});

test('the lower-case half of a hyphenated given name is part of the name: "Moon Jae-in’s aides"', () => {
  const korea = buildNameIndex([
    entry('bs:moon-jae-in', 'person', 'head-of-state', 'Moon Jae-in', { country: 'KR' }),
    entry('Q56226', 'person', 'head-of-state', 'Kim Jong Un', { country: 'KP' }),
  ]);
  const names = (text: string) => analyzeText(text, korea).map((m) => [m.surface, m.entityId ?? null]);
  expect(names('Moon Jae-in’s aides met envoys of Kim Jong-un on Monday.')).toEqual([
    ['Moon Jae-in', 'bs:moon-jae-in'],
    ['Kim Jong-un', 'Q56226'],
  ]);
});
