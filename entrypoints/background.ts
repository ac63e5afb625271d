import { browser } from 'wxt/browser';
import { createArticleService } from '@/lib/background/article-service';
import { isOwnContentScript } from '@/lib/background/senders';
import { installKb } from '@/lib/db/install-kb';
import { openDb } from '@/lib/db/schema';
import { decodeKb, KB_FILE_NAME, lexiconOf } from '@/lib/kb/artifact';
import { createIndexLoader } from '@/lib/kb/load-index';
import { LAST_TAB_KEY, onMessage, type TabState, tabStateKey } from '@/lib/messages';

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
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabStateKey(tabId));
  });
  openPanelOnToolbarClick();
  // Warm the index while the browser is idle, so the first article does not wait for it.
  void nameIndex().catch(() => {});
});

/** Lets queued messages run between install chunks. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The toolbar button opens the side panel: Chrome's sidePanel, Firefox's sidebar. */
function openPanelOnToolbarClick(): void {
  if (browser.sidePanel?.setPanelBehavior) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) (browser.action ?? browser.browserAction)?.onClicked.addListener(() => void sidebar.toggle());
}
