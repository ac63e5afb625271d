import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PanelApi } from '@/lib/background/side-panel';
import { type PageHighlighting, type Result, sendMessage } from '@/lib/messages';
import { Popup, type SaveState } from './Popup';

/** Asks the tab's content script; a tab without one (no answer) reads as null. */
async function askTab(send: () => Promise<Result<PageHighlighting>>): Promise<Result<PageHighlighting> | null> {
  try {
    return await send();
  } catch {
    return null;
  }
}

/**
 * The popup connected to the current tab's content script. `pinnedTabId` (`?tab=` in the address) lets
 * tests open the popup as a tab of its own, as they do the side panel.
 */
export function PopupApp({ pinnedTabId }: { pinnedTabId?: number }) {
  const [tab, setTab] = useState<{ id?: number; windowId?: number } | undefined>(undefined);
  const [state, setState] = useState<PageHighlighting | null | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });

  useEffect(() => {
    void (async () => {
      const target =
        pinnedTabId !== undefined
          ? await browser.tabs.get(pinnedTabId)
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      setTab(target);
      if (target?.id === undefined) return setState(null);
      const id = target.id;
      const answer = await askTab(() => sendMessage('getPageHighlighting', undefined, id));
      setState(answer?.ok ? answer.value : null);
    })();
  }, [pinnedTabId]);

  const update = async (send: (tabId: number) => Promise<Result<PageHighlighting>>) => {
    if (tab?.id === undefined) return;
    const id = tab.id;
    const answer = await askTab(() => send(id));
    if (answer?.ok) {
      setState(answer.value);
      setError(undefined);
    } else {
      setError(answer ? answer.error : 'The page did not answer; reload it and try again.');
    }
  };

  const openPanel = () => {
    // Called straight from the click: both browsers open panels only within a user gesture.
    const api = browser as unknown as PanelApi;
    const opening = api.sidePanel?.open
      ? api.sidePanel.open(tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId })
      : api.sidebarAction?.open();
    void opening?.then(() => window.close()).catch((e: unknown) => setError(String(e)));
  };

  const saveArticle = async () => {
    if (tab?.id === undefined) return;
    setSave({ status: 'saving' });
    try {
      const answer = await sendMessage('saveArticle', { tabId: tab.id });
      setSave(answer.ok ? { status: 'saved', summary: answer.value } : { status: 'failed', error: answer.error });
    } catch (e) {
      setSave({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  const openLibrary = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }).then(() => window.close());
  };

  return (
    <Popup
      save={save}
      onSave={() => void saveArticle()}
      onOpenLibrary={openLibrary}
      state={state}
      error={error}
      onTogglePage={(on) => void update((id) => sendMessage('setPageHighlighting', { on }, id))}
      onToggleSite={(on) => void update((id) => sendMessage('setSiteHighlighting', { on }, id))}
      onOpenPanel={openPanel}
    />
  );
}
