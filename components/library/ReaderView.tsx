import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PanelApi } from '@/lib/background/side-panel';
import type { BackstoryDb } from '@/lib/db/schema';
import { extractText } from '@/lib/extract/extract-text';
import { ENTITY_ATTRIBUTE, highlightMentions, MENTION_TAG } from '@/lib/highlight/highlight';
import { articleMarkdown, fileNameFor } from '@/lib/library/markdown';
import { createReaderSanitizer, HELD_SRC_ATTRIBUTE, releaseImages } from '@/lib/library/sanitize';
import { panelFocusKey, sendMessage } from '@/lib/messages';
import { useLiveQuery } from '../use-live-query';
import { download } from './files';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * One saved article in reader view, from IndexedDB alone (offline): the saved HTML sanitized, then its names
 * recognized by the background (which points this tab's side panel at the article) and highlighted.
 */
export function ReaderView({ db, articleId, onBack }: { db: BackstoryDb; articleId: string; onBack: () => void }) {
  const article = useLiveQuery(async () => (await db.articles.get(articleId)) ?? null, [articleId]);
  const page = useLiveQuery(async () => (await db.savedPages.get(articleId)) ?? null, [articleId]);
  const body = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [heldImages, setHeldImages] = useState(0);
  const sanitizer = useMemo(() => {
    try {
      return createReaderSanitizer(window);
    } catch {
      return null;
    }
  }, []);

  // Render and highlight once per saved version (not on every tag edit).
  useEffect(() => {
    const root = body.current;
    if (!root || !page || !sanitizer) return;
    let alive = true;
    // Sanitized HTML only: the saved copy is the page's own markup.
    root.innerHTML = sanitizer.sanitize(page.html);
    setHeldImages(root.querySelectorAll(`img[${HELD_SRC_ATTRIBUTE}]`).length);
    const extracted = extractText(root);
    setStatus('Finding places and actors…');
    void sendMessage('analyzeSavedArticle', { articleId, text: extracted.text })
      .then((answer) => {
        if (!alive) return;
        if (!answer.ok) return setStatus(`Names not highlighted: ${answer.error}`);
        const marks = highlightMentions(extracted, answer.value.mentions, {
          // One tab stop per linked entity (its first mark): Enter opens the side panel on it.
          decorate(wrapper, mention, first) {
            if (
              !first ||
              !mention.entityId ||
              root.querySelector(`[tabindex][${ENTITY_ATTRIBUTE}="${CSS.escape(mention.entityId)}"]`)
            )
              return;
            wrapper.setAttribute('tabindex', '0');
            wrapper.setAttribute('role', 'button');
            wrapper.setAttribute('aria-label', `${mention.name ?? mention.surface}: show in the side panel`);
          },
        });
        setStatus(undefined);
        root.dataset.highlights = String(marks.length);
      })
      .catch((e: unknown) => alive && setStatus(`Names not highlighted: ${String(e)}`));
    return () => {
      alive = false;
    };
  }, [page?.id, page?.updatedAt, sanitizer, Boolean(article?.savedAt)]);

  const openPanel = async (entityId?: string) => {
    const tab = await browser.tabs.getCurrent();
    const api = browser as unknown as PanelApi;
    // Open first, within the click's user gesture; then say which entry to show.
    const opening = api.sidePanel?.open
      ? api.sidePanel.open(tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId })
      : api.sidebarAction?.open();
    if (entityId && tab?.id !== undefined) {
      await browser.storage.session.set({ [panelFocusKey(tab.id)]: { entityId, at: Date.now() } });
    }
    await opening?.catch(() => {});
  };

  // A marked name opens the side panel on it (click, or Enter on a focused mark).
  useEffect(() => {
    const root = body.current;
    if (!root) return;
    const activate = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Enter') return;
      const entityId = (event.target as Element).closest?.(MENTION_TAG)?.getAttribute(ENTITY_ATTRIBUTE);
      if (entityId) void openPanel(entityId);
    };
    root.addEventListener('click', activate);
    root.addEventListener('keydown', activate);
    return () => {
      root.removeEventListener('click', activate);
      root.removeEventListener('keydown', activate);
    };
  });

  if (article === undefined || page === undefined) return <p class="empty">Loading…</p>;
  if (!article || !page || article.savedAt === undefined) {
    return (
      <div class="reader">
        <button type="button" onClick={onBack}>
          ← Library
        </button>
        <p class="empty">This article is not in the library.</p>
      </div>
    );
  }

  const exportMarkdown = () => {
    const root = body.current;
    if (!root) return;
    const text = articleMarkdown(article, page, root);
    download(new Blob([text], { type: 'text/markdown' }), fileNameFor(article.title, 'md'));
  };

  return (
    <article class="reader" lang={page.lang}>
      <nav class="reader-bar">
        <button type="button" onClick={onBack}>
          ← Library
        </button>
        <button type="button" onClick={() => void openPanel()}>
          Open side panel
        </button>
        <button type="button" onClick={exportMarkdown}>
          Export as Markdown
        </button>
        {heldImages > 0 && (
          <button
            type="button"
            title="Images load from the article's site, which then learns that you read it."
            onClick={() => {
              if (body.current) releaseImages(body.current);
              setHeldImages(0);
            }}
          >
            Show {heldImages} image{heldImages === 1 ? '' : 's'} (from {article.site})
          </button>
        )}
      </nav>
      <header>
        <h1>{article.title}</h1>
        <p class="meta">
          {[page.byline, page.siteName ?? article.site, page.publishedAt && formatDate(page.publishedAt)]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p class="meta">
          Saved {DATE.format(article.savedAt)} ·{' '}
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            Original page
          </a>
        </p>
      </header>
      {!sanitizer && (
        <p class="error" role="alert">
          This browser cannot show saved pages safely, so Backstory does not show this one.
        </p>
      )}
      {status && <p class="status">{status}</p>}
      <div class="reader-body" ref={body} />
    </article>
  );
}

function formatDate(value: string): string {
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : DATE.format(t);
}
