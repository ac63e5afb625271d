import { browser } from 'wxt/browser';
import { createArticleService } from '@/lib/background/article-service';
import { runCommand } from '@/lib/background/commands';
import { entityCardFor } from '@/lib/background/entity-card';
import { isOwnContentScript } from '@/lib/background/senders';
import { openPanelFor, type PanelApi } from '@/lib/background/side-panel';
import { withHighlighting } from '@/lib/background/tab-highlighting';
import { installKb } from '@/lib/db/install-kb';
import { openDb } from '@/lib/db/schema';
import { decodeKb, KB_FILE_NAME, lexiconOf } from '@/lib/kb/artifact';
import { createIndexLoader } from '@/lib/kb/load-index';
import { LAST_TAB_KEY, onMessage, panelFocusKey, sendMessage, type TabState, tabStateKey } from '@/lib/messages';

/** Built by scripts/build-kb.ts into public/kb/ and shipped with the extension. */
const KB_ARTIFACT_URL = `/kb/${KB_FILE_NAME}`;
// WXT types public paths from the files present at `wxt prepare`, which runs before the KB is built.
type PublicPath = Parameters<typeof browser.runtime.getURL>[0];

export default defineBackground(() => {
  const db = openDb();
  const nameIndex = createIndexLoader(async () => {
    const response = await fetch(browser.runtime.getURL(KB_ARTIFACT_URL as PublicPath));
    if (!response.ok || !response.body) throw new Error(`knowledge base missing: ${response.status}`);
    const artifact = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).json();
    const entries = decodeKb(artifact);
    // The panel reads entries from IndexedDB; writing them is slow, so it runs after the index is ready.
    setTimeout(
      () => void installKb(db, entries, String(artifact.version), { pause: yieldToEvents }).catch(() => {}),
      0,
    );
    return { entries, lexicon: lexiconOf(artifact) };
  });
  const service = createArticleService({
    db,
    nameIndex,
    now: Date.now,
    async setTabState(tabId: number | undefined, state: TabState) {
      if (tabId === undefined) return;
      await browser.storage.session.set({ [tabStateKey(tabId)]: state, [LAST_TAB_KEY]: tabId });
    },
  });

  onMessage('analyzeArticle', ({ data, sender }) => {
    if (!isOwnContentScript(sender, browser.runtime.id)) return { ok: false, error: 'refused: unknown sender' };
    return service.analyzeArticle(data, sender.tab?.id);
  });
  onMessage('pageSkipped', ({ data, sender }) => {
    if (!isOwnContentScript(sender, browser.runtime.id)) return { ok: false, error: 'refused: unknown sender' };
    return service.pageSkipped(data, sender.tab?.id);
  });
  onMessage('analyzeAddedText', ({ data, sender }) => {
    if (!isOwnContentScript(sender, browser.runtime.id)) return { ok: false, error: 'refused: unknown sender' };
    return service.analyzeAddedText(data);
  });
  onMessage('getEntityCard', async ({ data, sender }) => {
    if (!isOwnContentScript(sender, browser.runtime.id)) return { ok: false, error: 'refused: unknown sender' };
    try {
      return entityCardFor(await nameIndex(), data?.id);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
  onMessage('openSidePanel', ({ data, sender }) => {
    if (!isOwnContentScript(sender, browser.runtime.id)) return { ok: false, error: 'refused: unknown sender' };
    // Synchronously, before any await: the click's user gesture lasts only for this turn.
    const opening = openPanelFor(browser as unknown as PanelApi, sender.tab);
    const tabId = sender.tab?.id;
    if (tabId !== undefined && typeof data?.entityId === 'string') {
      void browser.storage.session.set({ [panelFocusKey(tabId)]: { entityId: data.entityId, at: Date.now() } });
    }
    return opening;
  });
  onMessage('highlightingChanged', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (!isOwnContentScript(sender, browser.runtime.id) || tabId === undefined) {
      return { ok: false, error: 'refused: unknown sender' };
    }
    const key = tabStateKey(tabId);
    const next = withHighlighting((await browser.storage.session.get(key))[key] as TabState | undefined, data);
    if (next) await browser.storage.session.set({ [key]: next });
    return { ok: true, value: null };
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    void runCommand(command, tab, (tabId) => sendMessage('setPageHighlighting', {}, tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove([tabStateKey(tabId), panelFocusKey(tabId)]);
  });
  toolbarOpensPopup();
  // Warm the index while the browser is idle, so the first article does not wait for it.
  void nameIndex().catch(() => {});
});

/** Lets queued messages run between install chunks. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The toolbar button opens the popup (the page and site switches, and a button for the side panel).
 * Chrome keeps `openPanelOnActionClick` across updates, and earlier versions set it: turn it off so the
 * popup is what opens.
 */
function toolbarOpensPopup(): void {
  if (browser.sidePanel?.setPanelBehavior) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
  }
}
