import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { KB_META_KEY, type KbInstallState } from '@/lib/db/install-kb';
import type { BackstoryDb } from '@/lib/db/schema';
import { type MentionTarget, sendMessage, type TabState } from '@/lib/messages';
import type { MapView } from '@/lib/panel/map-points';
import { chooseTab, focusFor, type PanelFocus } from '@/lib/panel/tab-target';
import { EntityGroups } from './EntityGroups';
import { EntityPanel } from './panel/EntityPanel';
import { SaveArticle } from './panel/SaveArticle';
import { useLiveQuery } from './use-live-query';

interface Followed {
  tabId?: number;
  state: TabState | null;
  focus?: PanelFocus;
}

/**
 * Follows the active tab (or the pinned one) through `storage.session`, where the background records what each
 * tab shows and what a hover card asked the panel to focus on. Re-reads when the reader switches tabs or
 * windows, and when a tab's page changes (the background rewrites its state).
 */
function useFollowedTab(pinnedTabId: number | undefined): Followed | undefined {
  const [followed, setFollowed] = useState<Followed | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      const session = await browser.storage.session.get(null);
      const chosen = chooseTab(session, active?.id, pinnedTabId);
      if (!alive) return;
      setFollowed(
        chosen
          ? { tabId: chosen.tabId, state: chosen.state, focus: focusFor(session, chosen.tabId) }
          : { tabId: pinnedTabId ?? active?.id, state: null },
      );
    };
    void refresh();
    const onChange = () => void refresh();
    browser.storage.session.onChanged.addListener(onChange);
    browser.tabs.onActivated.addListener(onChange);
    browser.windows?.onFocusChanged?.addListener(onChange);
    return () => {
      alive = false;
      browser.storage.session.onChanged.removeListener(onChange);
      browser.tabs.onActivated.removeListener(onChange);
      browser.windows?.onFocusChanged?.removeListener(onChange);
    };
  }, [pinnedTabId]);
  return followed;
}

interface Props {
  db: BackstoryDb;
  pinnedTabId?: number;
  /** Draws the map of a place or an actor's country (the offline map component). */
  renderMap?: (view: MapView) => ComponentChildren;
}

/** The side panel: the current article's places and actors, and the background of the one selected. */
export function SidePanel({ db, pinnedTabId, renderMap }: Props) {
  const followed = useFollowedTab(pinnedTabId);
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
      <PanelBody followed={followed} db={db} renderMap={renderMap} />
    </>
  );
}

interface BodyProps {
  followed: Followed | undefined;
  db: BackstoryDb;
  renderMap?: (view: MapView) => ComponentChildren;
}

const HIGHLIGHTING_OFF = {
  'off-page': 'Highlighting is off on this page: the names are listed here, but not marked in the page.',
  'off-site': 'Highlighting is off on this site: the names are listed here, but not marked in the page.',
} as const;

function PanelBody({ followed, db, renderMap }: BodyProps) {
  const tab = followed?.state;
  const tabId = followed?.tabId;
  const articleId = tab?.status === 'article' ? tab.articleId : undefined;
  const article = useLiveQuery(
    async () => (articleId ? ((await db.articles.get(articleId)) ?? null) : null),
    [articleId],
  );
  // The trail of selections: a relation or co-mention opens another entry, and "Back" returns.
  const [trail, setTrail] = useState<string[]>([]);
  const selected = trail[trail.length - 1];
  const lastFocus = useRef<number | undefined>(undefined);
  const listRef = useRef<HTMLDivElement>(null);

  // A new article starts at its list; a hover card's "Open in side panel" selects the entry it asked about.
  useEffect(() => setTrail([]), [articleId]);
  useEffect(() => {
    const focus = followed?.focus;
    if (!focus || focus.at === lastFocus.current) return;
    lastFocus.current = focus.at;
    setTrail([focus.entityId]);
  }, [followed?.focus?.at, followed?.focus?.entityId]);

  const backRef = useRef<HTMLButtonElement>(null);
  // The list hides while an entry is open: move the keyboard to the entry's "back" button, not to the page body.
  useEffect(() => {
    if (selected && (document.activeElement === document.body || listRef.current?.contains(document.activeElement))) {
      backRef.current?.focus();
    }
  }, [selected]);

  const select = (key: string) => setTrail((t) => (t[t.length - 1] === key ? t : [...t, key]));
  const back = () => {
    const leaving = selected;
    setTrail((t) => t.slice(0, -1));
    // Give the keyboard back to the row the reader came from.
    requestAnimationFrame(() => {
      const row = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-entity-key]') ?? [])].find(
        (el) => el.dataset.entityKey === leaving,
      );
      row?.focus();
    });
  };

  if (followed === undefined) return <p class="empty">Loading…</p>;
  if (tab === null || tab === undefined)
    return <p class="empty">Open a news article: Backstory will list its places and actors here.</p>;
  if (tab.status === 'not-article')
    return <p class="empty">This page is not an article, so Backstory has nothing to show for it.</p>;
  if (tab.status === 'error') return <p class="empty error">Backstory could not analyze this page: {tab.error}</p>;
  if (article === undefined) return <p class="empty">Loading…</p>;
  if (article === null) return <p class="empty">This article is no longer in your reading history.</p>;

  const name = selected ? article.names.find((n) => n.key === selected || n.entityId === selected) : undefined;
  const entityId = name ? name.entityId : selected;
  const off = tab.highlighting && tab.highlighting !== 'on' ? HIGHLIGHTING_OFF[tab.highlighting] : undefined;
  const showMention = (target: MentionTarget) =>
    tabId === undefined ? Promise.reject(new Error('no tab')) : sendMessage('showMention', target, tabId);

  return (
    <div class="panel">
      <header class="article-head">
        <h1 title={article.title}>{article.title || article.site}</h1>
        <p class="site">
          {article.site} · {article.names.length} name{article.names.length === 1 ? '' : 's'}
        </p>
        <SaveArticle
          key={article.id}
          saved={article.savedAt !== undefined}
          onSave={() => sendMessage('saveArticle', tabId === undefined ? {} : { tabId })}
        />
        {off && (
          <p class="notice" role="note">
            {off}
          </p>
        )}
      </header>
      {selected && (
        <div class="selection">
          <button type="button" class="back" ref={backRef} onClick={back}>
            ← {trail.length > 1 ? 'Back' : 'All names'}
          </button>
          <EntityPanel
            key={selected}
            db={db}
            article={article}
            name={name}
            entityId={entityId}
            onSelectEntity={select}
            showMention={showMention}
            renderMap={renderMap}
            onCorrected={() => {
              if (tabId !== undefined) void sendMessage('rereadPage', undefined, tabId).catch(() => {});
            }}
          />
        </div>
      )}
      <div ref={listRef} hidden={selected !== undefined}>
        {article.names.length === 0 ? (
          <p class="empty">No places or actors found in this article.</p>
        ) : (
          <EntityGroups
            names={article.names}
            selected={selected}
            onSelect={(key) => {
              select(key);
              const row = article.names.find((n) => n.key === key);
              // Clicking a name in the list also brings it into view in the page, as the issue asks.
              if (row && !off) {
                void showMention(
                  row.entityId ? { entityId: row.entityId } : { kind: row.kind, name: surfaceOf(article.text, row) },
                ).catch(() => {});
              }
            }}
          />
        )}
      </div>
    </div>
  );
}

function surfaceOf(text: string, row: { name: string; mentions: { start: number; end: number }[] }): string {
  const first = row.mentions[0];
  return first ? text.slice(first.start, first.end) : row.name;
}
