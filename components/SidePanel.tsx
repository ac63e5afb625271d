import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { KB_META_KEY, type KbInstallState } from '@/lib/db/install-kb';
import type { BackstoryDb } from '@/lib/db/schema';
import type { TabState } from '@/lib/messages';
import { chooseTab } from '@/lib/panel/tab-target';
import { EntityDetail } from './EntityDetail';
import { EntityGroups } from './EntityGroups';
import { useLiveQuery } from './use-live-query';

/** Follows the active tab (or the pinned one) through `storage.session`, where the background records it. */
function useTabState(pinnedTabId: number | undefined): TabState | null | undefined {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      const session = await browser.storage.session.get(null);
      if (alive) setState(chooseTab(session, active?.id, pinnedTabId)?.state ?? null);
    };
    void refresh();
    const onChange = () => void refresh();
    browser.storage.session.onChanged.addListener(onChange);
    browser.tabs.onActivated.addListener(onChange);
    return () => {
      alive = false;
      browser.storage.session.onChanged.removeListener(onChange);
      browser.tabs.onActivated.removeListener(onChange);
    };
  }, [pinnedTabId]);
  return state;
}

/** The side panel: the current article's places and actors, and the details of the one selected. */
export function SidePanel({ db, pinnedTabId }: { db: BackstoryDb; pinnedTabId?: number }) {
  const tab = useTabState(pinnedTabId);
  const [selected, setSelected] = useState<string | undefined>(undefined);

  const install = useLiveQuery(() => db.meta.get(KB_META_KEY), []);
  const installState = install?.value as KbInstallState | undefined;
  const banner =
    installState?.status === 'failed' ? (
      <p class="banner error" role="alert">
        Backstory could not store its knowledge base: {installState.error} It will try again.
      </p>
    ) : null;
  return (
    <>
      {banner}
      <PanelBody tab={tab} db={db} selected={selected} setSelected={setSelected} />
    </>
  );
}

interface BodyProps {
  tab: TabState | null | undefined;
  db: BackstoryDb;
  selected: string | undefined;
  setSelected: (key: string) => void;
}

function PanelBody({ tab, db, selected, setSelected }: BodyProps) {
  const articleId = tab?.status === 'article' ? tab.articleId : undefined;
  const article = useLiveQuery(() => (articleId ? db.articles.get(articleId) : undefined), [articleId]);
  const selectedName = article?.names.find((n) => n.key === selected);
  // null: looked up and absent; undefined: still loading.
  const entity = useLiveQuery(
    async () => (selectedName?.entityId ? ((await db.entities.get(selectedName.entityId)) ?? null) : null),
    [selectedName?.entityId],
  );
  if (tab === undefined) return <p class="empty">Loading…</p>;
  if (tab === null) return <p class="empty">Open a news article: Backstory will list its places and actors here.</p>;
  if (tab.status === 'not-article') return <p class="empty">This page is not an article, so nothing is highlighted.</p>;
  if (tab.status === 'error') return <p class="empty error">Backstory could not analyze this page: {tab.error}</p>;
  if (!article) return <p class="empty">Loading…</p>;
  if (article.names.length === 0) return <p class="empty">No places or actors found in this article.</p>;
  return (
    <div class="panel">
      <header>
        <h1 title={article.title}>{article.title || article.site}</h1>
        <p class="site">
          {article.site} · {article.names.length} names
        </p>
      </header>
      {selectedName &&
        (entity === undefined ? (
          <p class="empty">Loading…</p>
        ) : (
          <EntityDetail name={selectedName} entity={entity ?? undefined} />
        ))}
      <EntityGroups names={article.names} selected={selected} onSelect={setSelected} />
    </div>
  );
}
