/** @module lib/panel/tab-target — which tab's article the side panel shows. */

import { LAST_TAB_KEY, panelFocusKey, type TabState, tabStateKey } from '../messages';

/**
 * The tab the panel follows: a pinned tab (`?tab=` in its address) first, then the active tab
 * if Backstory has seen it, then the last tab that reported (a panel opened as a tab of its own).
 */
export function chooseTab(
  session: Record<string, unknown>,
  activeTabId: number | undefined,
  pinnedTabId: number | undefined,
): { tabId: number; state: TabState } | null {
  const candidates = [pinnedTabId, activeTabId, session[LAST_TAB_KEY]];
  for (const id of candidates) {
    if (typeof id !== 'number') continue;
    const state = session[tabStateKey(id)];
    if (isTabState(state)) return { tabId: id, state };
    if (id === pinnedTabId) return null;
  }
  return null;
}

function isTabState(value: unknown): value is TabState {
  return typeof value === 'object' && value !== null && 'status' in value && 'url' in value;
}

/** The entry a hover card asked the panel to show for a tab, and when: a newer request selects it again. */
export interface PanelFocus {
  entityId: string;
  at: number;
}

/** The focus request stored for `tabId` (by the background, from "Open in side panel"), if it is well formed. */
export function focusFor(session: Record<string, unknown>, tabId: number | undefined): PanelFocus | undefined {
  if (tabId === undefined) return undefined;
  const value = session[panelFocusKey(tabId)];
  if (typeof value !== 'object' || value === null) return undefined;
  const { entityId, at } = value as Record<string, unknown>;
  if (typeof entityId !== 'string' || entityId === '' || typeof at !== 'number') return undefined;
  return { entityId, at };
}
