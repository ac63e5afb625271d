import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../lib/analyze';
import { buildNameIndex } from '../../../lib/kb/name-index';
import { miniIndex } from '../../helpers/mini-kb';

const index = miniIndex();
function linkOf(text: string, surface: string): string | undefined {
  return analyzeText(text, index).find((m) => m.surface === surface)?.entityId;
}

describe('linking', () => {
  test('picks the more prominent namesake without other cues', () => {
    expect(linkOf('Georgia held elections.', 'Georgia')).toBe('Q230');
  });

  test("follows the article's countries between namesakes", () => {
    expect(linkOf('In the United States, voters in Georgia went to the polls.', 'Georgia')).toBe('gn:4197000');
  });

  test('keeps one sense per article', () => {
    const mentions = analyzeText('The US said Georgia must act. Georgia replied.', index).filter(
      (m) => m.surface === 'Georgia',
    );
    expect(new Set(mentions.map((m) => m.entityId)).size).toBe(1);
  });

  test('gives every link a confidence between 0 and 1', () => {
    for (const m of analyzeText('Joe Biden met NATO leaders in London.', index)) {
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('linking acronyms', () => {
  test('an acronym means the entry the article already named in full', () => {
    const entries = [
      {
        id: 'jp',
        kind: 'organization' as const,
        subtype: 'armed-forces',
        name: 'Japan Self-Defense Forces',
        aliases: ['SDF'],
        country: 'JP',
        prominence: 0.9,
        source: 't',
      },
      {
        id: 'sy',
        kind: 'organization' as const,
        subtype: 'armed-group',
        name: 'Syrian Democratic Forces',
        aliases: ['SDF'],
        country: 'SY',
        prominence: 0.6,
        source: 't',
      },
    ];
    const mentions = analyzeText(
      'The Syrian Democratic Forces (SDF) said the SDF would stay.',
      buildNameIndex(entries),
    );
    expect(mentions.map((m) => m.entityId)).toEqual(['sy', 'sy', 'sy']);
  });
});

describe('entries that need their country named', () => {
  const entries = [
    {
      id: 'Q1',
      kind: 'place' as const,
      subtype: 'country',
      name: 'Zimbabwe',
      aliases: [],
      demonyms: ['Zimbabwean'],
      country: 'ZW',
      prominence: 1,
      source: 't',
    },
    {
      id: 'bs:david-miller-zw',
      kind: 'person' as const,
      subtype: 'official',
      name: 'David Miller',
      aliases: [],
      country: 'ZW',
      prominence: 0.3,
      needsCountryCue: true,
      source: 't',
    },
  ];
  const index = buildNameIndex(entries);
  const linked = (text: string) => analyzeText(text, index).find((m) => m.surface === 'David Miller');

  test('link only in an article about their country, and stay a name of the right kind elsewhere', () => {
    expect(linked('The Zimbabwean minister David Miller resigned on Friday.')?.entityId).toBe('bs:david-miller-zw');
    const elsewhere = linked('The novelist David Miller signed copies in Leeds on Friday.');
    expect(elsewhere?.entityId).toBeUndefined();
    expect(elsewhere?.kind).toBe('person');
  });
});
