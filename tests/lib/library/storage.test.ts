import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { describeSaveError, formatBytes, isQuotaError, storageStatus } from '../../../lib/library/storage';

test('a quota error is recognized bare and as Dexie wraps it', () => {
  const bare = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
  expect(isQuotaError(bare)).toBe(true);
  expect(isQuotaError(new Dexie.AbortError('aborted', bare))).toBe(true);
  expect(isQuotaError(new Error('other'))).toBe(false);
  expect(describeSaveError(bare)).toMatch(/Storage is full.*Everything saved before is intact/);
  expect(describeSaveError(new Error('no article found'))).toBe('no article found');
});

test('persistent storage is asked for once, and the space used is read', async () => {
  let asked = 0;
  const status = await storageStatus(
    {
      persisted: async () => false,
      persist: async () => {
        asked++;
        return true;
      },
      estimate: async () => ({ usage: 12_345_678, quota: 2e9 }),
    },
    true,
  );
  expect(asked).toBe(1);
  expect(status).toEqual({ persisted: true, usage: 12_345_678, quota: 2e9 });
  expect(await storageStatus(undefined, true)).toEqual({ persisted: null, usage: undefined, quota: undefined });
  expect(formatBytes(12_345_678)).toBe('12 MB');
  expect(formatBytes(845_000)).toBe('845 kB');
  expect(formatBytes(3_100_000_000)).toBe('3.1 GB');
});
