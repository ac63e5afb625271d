import { describe, expect, test } from 'vitest';
import { clipRingToBox } from '../../../lib/geo/clip-box';

describe('clipRingToBox', () => {
  test('cuts a ring to the box and closes it', () => {
    const ring = [
      [0, 0],
      [0, 10],
      [10, 10],
      [10, 0],
      [0, 0],
    ];
    const cut = clipRingToBox(ring, [5, -5, 20, 5]);
    expect(cut[0]).toEqual(cut[cut.length - 1]);
    const xs = cut.map((p) => p[0]);
    const ys = cut.map((p) => p[1]);
    expect(Math.min(...xs)).toBe(5);
    expect(Math.max(...xs)).toBe(10);
    expect(Math.min(...ys)).toBe(0);
    expect(Math.max(...ys)).toBe(5);
  });

  test('a ring outside the box vanishes, a ring inside is unchanged', () => {
    const ring = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ];
    expect(clipRingToBox(ring, [5, 5, 6, 6])).toEqual([]);
    expect(clipRingToBox(ring, [-1, -1, 2, 2])).toEqual(ring);
  });
});
