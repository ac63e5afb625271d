import { describe, expect, test } from 'vitest';
import { buildNameIndex } from '../../../lib/kb/name-index';
import { matchNames } from '../../../lib/recognize/match-names';
import { tokenize } from '../../../lib/text/tokenize';
import { MINI_ENTRIES, miniIndex } from '../../helpers/mini-kb';

const index = miniIndex();
function spans(text: string): string[] {
  return matchNames(tokenize(text), index, text).map((c) => text.slice(c.start, c.end));
}

describe('matchNames', () => {
  test('finds names under their spelling variants and with possessives', () => {
    expect(spans("Iraq's Kurdish capital Irbil, also written Erbil.")).toEqual(['Iraq', 'Irbil', 'Erbil']);
  });

  test('keeps an Arabic article inside the span', () => {
    expect(spans('the northeastern city of al-Qamishli')).toEqual(['al-Qamishli']);
  });

  test('matches a name written across a line break', () => {
    expect(spans('talks with the United\nStates on Monday')).toEqual(['United\nStates']);
  });

  test('a one-word name that is also a demonym is the demonym, unless the place is prominent', () => {
    const local = buildNameIndex(
      [
        ...MINI_ENTRIES,
        { id: 'gn:1', kind: 'place', subtype: 'town', name: 'Syrian', aliases: [], prominence: 0.2, source: 'test' },
      ],
      { everydayWords: [], givenNames: [] },
    );
    const text = 'Syrian officials met.';
    const [found] = matchNames(tokenize(text), local, text);
    expect(found.via).toBe('demonym');
    expect(found.positions.map((p) => local.entries[p].id)).toEqual(['Q858']);
  });

  test('prefers the longest name', () => {
    expect(spans('the Bank of England raised rates')).toEqual(['Bank of England']);
  });

  test('matches acronyms only as written', () => {
    expect(spans('The US said; let us go. The U.S. Army.')).toEqual(['US', 'U.S.']);
  });

  test('ignores names written in lower case', () => {
    expect(spans('a nice day in reading')).toEqual([]);
  });

  test('needs a cue for everyday words that are also places', () => {
    expect(spans('Nice weather. They moved to Nice last year.')).toEqual(['Nice']);
    expect(spans('Reading the report, officials were surprised.')).toEqual([]);
  });

  test('falls back to the consonant skeleton for unlisted transliterations', () => {
    const text = 'west of the Kamishla airport';
    const [candidate] = matchNames(tokenize(text), index, text);
    expect(text.slice(candidate.start, candidate.end)).toBe('Kamishla');
    expect(candidate.via).toBe('skeleton');
  });
});
