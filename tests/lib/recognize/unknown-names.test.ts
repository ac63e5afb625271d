import { describe, expect, test } from 'vitest';
import { findUnknownNames } from '../../../lib/recognize/unknown-names';
import { tokenize } from '../../../lib/text/tokenize';
import { miniIndex } from '../../helpers/mini-kb';

const index = miniIndex();
function unknown(text: string) {
  const tokens = tokenize(text);
  return findUnknownNames(tokens, new Array(tokens.length).fill(false), index).map((u) => [
    text.slice(u.start, u.end),
    u.kind,
  ]);
}

describe('findUnknownNames', () => {
  test('types a name followed by a place noun as a place', () => {
    expect(unknown('The Tal Baydar military base was hit.')).toEqual([['Tal Baydar', 'place']]);
    expect(unknown('shelling in the Zawiya region')).toEqual([['Zawiya', 'place']]);
  });

  test('types a name after "base" as a place', () => {
    expect(unknown('evacuated the base Rumeilan near the border')).toEqual([['Rumeilan', 'place']]);
  });

  test('types a name after a title as a person', () => {
    expect(unknown('said Gen. Farid Khalil, the commander.')).toEqual([['Farid Khalil', 'person']]);
  });

  test('types a name ending in an organization word as an organization', () => {
    expect(unknown('the Northern Valley Farmers Union said')).toEqual([
      ['Northern Valley Farmers Union', 'organization'],
    ]);
    expect(unknown('a statement from the Ministry of Water Resources')).toEqual([
      ['Ministry of Water Resources', 'organization'],
    ]);
  });

  test('types a name ending in a place word as a place, even when it starts with a given name', () => {
    expect(unknown('ferries to Stewart Island resumed')).toEqual([['Stewart Island', 'place']]);
  });

  test('does not run a person name on over "of"', () => {
    expect(unknown('said Jane Werner of Ngatiwai yesterday')).toEqual([['Jane Werner', 'person']]);
  });

  test('leaves demonyms alone even before a place noun', () => {
    expect(unknown('in the northern Syrian province of Idlib')).toEqual([]);
  });

  test('leaves capitalized words without a cue alone', () => {
    expect(unknown('On Wednesday Mr Smith went home. Many drones were shot down.')).toEqual([['Smith', 'person']]);
    expect(unknown('Reportedly, No casualties were reported.')).toEqual([]);
  });
});
