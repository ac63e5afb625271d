import { browser } from 'wxt/browser';
import { createArticleService } from '@/lib/background/article-service';
import { runCommand } from '@/lib/background/commands';
import { entityCardFor } from '@/lib/background/entity-card';
import { createSaveService } from '@/lib/background/save-article';
import { analyzeSavedArticle } from '@/lib/background/saved-article-view';
import { isOwnContentScript, isOwnExtensionPage } from '@/lib/background/senders';
import { openPanelFor, type PanelApi } from '@/lib/background/side-panel';
import { withHighlighting } from '@/lib/background/tab-highlighting';
import { installKb } from '@/lib/db/install-kb';
import { openDb } from '@/lib/db/schema';
import { KB_FILE_NAME } from '@/lib/kb/artifact';
import { createIndexLoader, kbContentsOf } from '@/lib/kb/load-index';
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
    const contents = kbContentsOf(artifact);
    // The panel reads entries from IndexedDB; writing them is slow, so it runs after the index is ready.
    setTimeout(
      () => void installKb(db, contents.entries, String(artifact.version), { pause: yieldToEvents }).catch(() => {}),
      0,
    );
    return contents;
  });
  const setTabState = async (tabId: number | undefined, state: TabState) => {
    if (tabId === undefined) return;
    await browser.storage.session.set({ [tabStateKey(tabId)]: state, [LAST_TAB_KEY]: tabId });
  };
  const service = createArticleService({ db, nameIndex, now: Date.now, setTabState });
  const saving = createSaveService({
    db,
    nameIndex,
    now: Date.now,
    snapshot: (tabId) => sendMessage('getPageSnapshot', undefined, tabId),
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  });
  const isOwnPage = (sender: { id?: string; url?: string }) =>
    isOwnExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));

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
  onMessage('saveArticle', ({ data, sender }) => {
    if (!isOwnPage(sender)) return { ok: false, error: 'refused: unknown sender' };
    return saving.saveArticle(data);
  });
  onMessage('analyzeSavedArticle', ({ data, sender }) => {
    if (!isOwnPage(sender)) return { ok: false, error: 'refused: unknown sender' };
    return analyzeSavedArticle({ db, nameIndex, now: Date.now, setTabState }, data, sender.tab?.id);
  });
  const saveAndTell = async (tabId: number) => {
    const result = await saving.saveArticle({ tabId });
    void showSaveOutcome(tabId, result);
    return result;
  };
  browser.commands?.onCommand.addListener((command, tab) => {
    void runCommand(command, tab, {
      togglePage: (tabId) => sendMessage('setPageHighlighting', {}, tabId),
      saveArticle: saveAndTell,
    });
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus?.create({ id: SAVE_MENU_ID, title: 'Save to Backstory library', contexts: ['page'] }, () => {
      // Already there (an update): reading lastError keeps it from being reported as unchecked.
      void browser.runtime.lastError;
    });
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID && tab?.id !== undefined) void saveAndTell(tab.id);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove([tabStateKey(tabId), panelFocusKey(tabId)]);
  });
  toolbarOpensPopup();
  // Warm the index while the browser is idle, so the first article does not wait for it.
  void nameIndex().catch(() => {});
});

/** The context menu's "Save to Backstory library" item. */
const SAVE_MENU_ID = 'backstory-save-article';

/**
 * A save from the keyboard or the context menu has no window to answer in: the toolbar badge says how it went
 * (✓, or ! with the reason in the button's tooltip) for a few seconds. No notifications permission needed.
 */
async function showSaveOutcome(tabId: number, result: { ok: boolean; error?: string }): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  try {
    await action.setBadgeBackgroundColor({ tabId, color: result.ok ? '#1a7f37' : '#cf222e' });
    await action.setBadgeText({ tabId, text: result.ok ? '✓' : '!' });
    await action.setTitle({
      tabId,
      title: result.ok ? 'Backstory: saved to the library' : `Backstory: ${result.error}`,
    });
    setTimeout(() => {
      void action.setBadgeText({ tabId, text: '' }).catch(() => {});
      void action.setTitle({ tabId, title: 'Backstory' }).catch(() => {});
    }, 4000);
  } catch {
    // The tab closed meanwhile.
  }
}

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
