/** @module lib/background/side-panel — opening Backstory's panel from a click in the page. */

import type { Result } from '../messages';

/** The parts of the browser API this needs: Chrome's sidePanel or Firefox's sidebarAction. */
export interface PanelApi {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the side panel (Chrome) or the sidebar (Firefox) for a tab. Both browsers allow it only while a user
 * gesture is live, so the caller must call this synchronously in the message handler, before any `await`:
 * the API call itself happens before this function awaits anything.
 */
export function openPanelFor(
  api: PanelApi,
  tab: { id?: number; windowId?: number } | undefined,
): Promise<Result<null>> {
  let opening: Promise<void>;
  try {
    if (api.sidePanel?.open) {
      if (tab?.id === undefined && tab?.windowId === undefined) return Promise.resolve({ ok: false, error: 'no tab' });
      opening = api.sidePanel.open(tab.id !== undefined ? { tabId: tab.id } : { windowId: tab.windowId });
    } else if (api.sidebarAction?.open) {
      opening = api.sidebarAction.open();
    } else {
      return Promise.resolve({ ok: false, error: 'this browser has no side panel' });
    }
  } catch (error) {
    return Promise.resolve({ ok: false, error: messageOf(error) });
  }
  return opening.then(
    (): Result<null> => ({ ok: true, value: null }),
    (error: unknown): Result<null> => ({ ok: false, error: messageOf(error) }),
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
