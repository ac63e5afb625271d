/** @module lib/content/card-position — where a hover card goes so it never covers the name it describes. */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface CardPlacement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

/** Space kept between the card and the mark, and between the card and the viewport's edges. */
export const CARD_GAP = 6;

/**
 * Places a card of `card` size next to `anchor` (the mark's bounding box, viewport coordinates): below it
 * when it fits, else above it, else on the side with more room. Horizontally it starts at the mark's left
 * edge and is clamped into the viewport. Vertically it is never moved onto the mark: when it fits neither
 * below nor above, it keeps to its side and may run past the viewport edge instead.
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = CARD_GAP,
): CardPlacement {
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - card.height;
  const roomBelow = viewport.height - gap - below;
  const roomAbove = anchor.top - gap - gap;
  const side: CardPlacement['side'] =
    card.height <= roomBelow
      ? 'below'
      : card.height <= roomAbove
        ? 'above'
        : roomBelow >= roomAbove
          ? 'below'
          : 'above';
  const maxLeft = Math.max(gap, viewport.width - gap - card.width);
  const left = Math.min(Math.max(anchor.left, gap), maxLeft);
  return { top: side === 'below' ? below : above, left, side };
}

/** True when two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
