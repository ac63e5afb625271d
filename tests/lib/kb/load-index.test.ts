import { describe, expect, test } from 'vitest';
import { createIndexLoader } from '../../../lib/kb/load-index';
import { MINI_ENTRIES } from '../../helpers/mini-kb';

describe('createIndexLoader', () => {
  test('loads the entries once and shares the index', async () => {
    let loads = 0;
    const load = createIndexLoader(async () => {
      loads++;
      return { entries: MINI_ENTRIES, lexicon: { everydayWords: [], givenNames: [] } };
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
  });

  test('tries again after a failed load', async () => {
    let calls = 0;
    const load = createIndexLoader(async () => {
      calls++;
      if (calls === 1) throw new Error('disk busy');
      return { entries: MINI_ENTRIES, lexicon: { everydayWords: [], givenNames: [] } };
    });
    await expect(load()).rejects.toThrow('disk busy');
    expect((await load()).entries).toHaveLength(MINI_ENTRIES.length);
  });
});
