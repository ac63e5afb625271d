import { describe, expect, test } from 'vitest';
import { boxesOverlap, placeCard } from '../../../lib/content/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 120 };

describe('placeCard', () => {
  test('goes below the mark, starting at its left edge, when there is room', () => {
    const mark = { top: 100, left: 200, width: 60, height: 20 };
    expect(placeCard(mark, card, viewport)).toEqual({ top: 126, left: 200, side: 'below' });
  });

  test('goes above a mark near the bottom of the viewport', () => {
    const mark = { top: 740, left: 200, width: 60, height: 20 };
    const placed = placeCard(mark, card, viewport);
    expect(placed.side).toBe('above');
    expect(placed.top + card.height).toBeLessThanOrEqual(mark.top);
  });

  test('stays inside the viewport horizontally for a mark at the right edge', () => {
    const mark = { top: 100, left: 960, width: 40, height: 20 };
    expect(placeCard(mark, card, viewport).left).toBe(1000 - 6 - 300);
  });

  test('never covers the mark, wherever the mark is and however big the card', () => {
    for (const top of [0, 50, 300, 600, 780]) {
      for (const left of [0, 400, 990]) {
        for (const height of [18, 60, 400]) {
          const mark = { top, left, width: 80, height };
          for (const size of [card, { width: 340, height: 500 }]) {
            const { top: t, left: l } = placeCard(mark, size, viewport);
            expect(boxesOverlap(mark, { top: t, left: l, ...size })).toBe(false);
          }
        }
      }
    }
  });
});
