import { describe, expect, test } from 'vitest';
import { tokenize } from '../../../lib/text/tokenize';

describe('tokenize', () => {
  test('gives each word its offsets in the original text', () => {
    const text = 'In Kyiv, officials said.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['In', 'Kyiv', 'officials', 'said']);
  });

  test('splits off possessives', () => {
    const tokens = tokenize("Iran's army and Iran’s navy");
    expect(tokens[0].raw).toBe('Iran');
    expect(tokens[3].raw).toBe('Iran');
  });

  test('lets a name run on over spaces, one line break and hyphens but not over commas', () => {
    const tokens = tokenize('Deir ez-Zor and New\nYork, Paris');
    expect(tokens.map((t) => t.joinsNext)).toEqual([true, true, true, true, true, false, false]);
  });

  test('marks sentence starts, also after a line break, but not after an abbreviation dot', () => {
    const tokens = tokenize('Officials met. The U.S. Army said\nReuters');
    const starts = Object.fromEntries(tokens.map((t) => [t.raw, t.sentenceStart]));
    expect(starts.Officials).toBe(true);
    expect(starts.The).toBe(true);
    expect(starts.Army).toBe(false);
    expect(starts.Reuters).toBe(true);
  });

  test('tells acronyms from capitalized words', () => {
    const [irgc, iran] = tokenize('IRGC Iran');
    expect(irgc.allCaps).toBe(true);
    expect(iran.allCaps).toBe(false);
    expect(iran.capitalized).toBe(true);
  });
});
