/** @module lib/background/tab-highlighting — noting in a tab's state that its page's highlights are off or on. */

import type { HighlightingState, TabState } from '../messages';

const STATES: readonly HighlightingState[] = ['on', 'off-page', 'off-site'];

/**
 * The tab state with the page's highlighting noted, or null when there is nothing to note: the tab shows
 * no article, shows another page than the one that reported, or the value is not a highlighting state.
 */
export function withHighlighting(
  state: TabState | undefined,
  change: { url: string; highlighting: HighlightingState },
): TabState | null {
  if (state?.status !== 'article' || state.url !== change.url) return null;
  if (!STATES.includes(change.highlighting)) return null;
  if (state.highlighting === change.highlighting) return null;
  return { ...state, highlighting: change.highlighting };
}
