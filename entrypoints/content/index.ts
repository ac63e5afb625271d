import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installHoverCard } from '@/lib/content/hover-card';
import { createPageSession, DEFAULT_TIMING } from '@/lib/content/page-session';
import { snapshotPage } from '@/lib/content/page-snapshot';
import { createMentionShower } from '@/lib/content/show-mention';
import { detectArticleSteps } from '@/lib/detect/detect-article';
import { extractTextSteps } from '@/lib/extract/extract-text';
import { onMessage, type Result, sendMessage } from '@/lib/messages';
import { highlightOffSites, isSiteHighlighted, setSiteHighlighting } from '@/lib/settings/highlight-sites';
import { runStepsInSlices } from '@/lib/slices';
import { siteOf } from '@/lib/url';

/** A message that could not be delivered (the extension was reloaded, the worker is restarting) is an error value. */
function ask<T>(sending: Promise<Result<T>>): Promise<Result<T>> {
  return sending.catch((error: unknown) => ({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  }));
}

/**
 * Lets the page run: the rest of our work goes to the back of the task queue, at the page's own priority
 * (`scheduler.postTask`; a MessageChannel message where there is none, which no timer clamping slows down).
 * Each slice then starts from a callback of ours, so tracing tells our tasks from the page's.
 */
function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<void> } }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => {});
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const ACTIVITY_EVENTS = ['scroll', 'click', 'keydown'] as const;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Everything waits for a task of its own: evaluating this script (compiling it, WXT's start-up) is a task
    // already, and the first use of each extension API (messaging, storage) costs a few milliseconds more.
    // Reading the page then waits for another (see createPageSession's start).
    void pause().then(() => {
      if (ctx.isValid) start(ctx);
    });
  },
});

function start(ctx: ContentScriptContext): void {
  const timers = {
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
    clearTimeout: (id: number) => window.clearTimeout(id),
  };
  const card = installHoverCard({
    doc: document,
    signal: ctx.signal,
    getCard: (id) => ask(sendMessage('getEntityCard', { id })),
    openPanel: (entityId) => ask(sendMessage('openSidePanel', { entityId })),
    ...timers,
  });
  // Reading a big page takes longer than a task may: it runs in slices, as the marks do.
  const slices = { pause, now: () => performance.now(), budgetMs: DEFAULT_TIMING.budgetMs };
  const session = createPageSession({
    doc: document,
    signal: ctx.signal,
    url: () => location.href,
    detect: (doc, url) => runStepsInSlices(detectArticleSteps(doc, url), slices),
    extract: (root) => runStepsInSlices(extractTextSteps(root), slices),
    analyze: (article) => ask(sendMessage('analyzeArticle', article)),
    analyzeAdded: (added) => ask(sendMessage('analyzeAddedText', added)),
    skipped: (page) => ask(sendMessage('pageSkipped', page)),
    highlightingChanged: (change) => ask(sendMessage('highlightingChanged', change)),
    setSiteHighlighting,
    pause,
    now: () => performance.now(),
    timers,
    MutationObserver: window.MutationObserver,
    onActivity: (listener, signal) => {
      for (const type of ACTIVITY_EVENTS) {
        window.addEventListener(type, listener, { capture: true, passive: true, once: true, signal });
      }
    },
    card,
    // Scrolled down (a reload keeps the place, a correction rereads): the names on screen are marked first.
    isAboveView: (node) => window.scrollY > 0 && (node.parentElement?.getBoundingClientRect().bottom ?? 0) < 0,
  });

  const site = () => siteOf(location.href);
  void session.start(highlightOffSites.getValue().then((off) => isSiteHighlighted(off, site())));
  const unwatch = highlightOffSites.watch((off) => session.siteSettingChanged(isSiteHighlighted(off, site())));
  ctx.onInvalidated(() => {
    unwatch();
    session.dispose();
  });
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void session.navigated(newUrl.href));

  // The popup and the keyboard command (through the background) switch this page's highlights.
  const fromExtension = (sender: { id?: string }) => sender.id === browser.runtime.id;
  const refused = { ok: false as const, error: 'refused: unknown sender' };
  const shower = createMentionShower(document, timers);
  const removers = [
    onMessage('getPageHighlighting', ({ sender }) =>
      fromExtension(sender) ? { ok: true, value: session.state() } : refused,
    ),
    onMessage('setPageHighlighting', async ({ data, sender }) =>
      fromExtension(sender) ? { ok: true, value: await session.setPage(data?.on) } : refused,
    ),
    onMessage('setSiteHighlighting', async ({ data, sender }) =>
      fromExtension(sender) ? { ok: true, value: await session.setSite(data?.on === true) } : refused,
    ),
    onMessage('getPageSnapshot', ({ sender }) =>
      fromExtension(sender) ? { ok: true, value: snapshotPage(document, location.href) } : refused,
    ),
    onMessage('rereadPage', async ({ sender }) => {
      if (!fromExtension(sender)) return refused;
      await session.reread();
      return { ok: true, value: session.state() };
    }),
    onMessage('showMention', ({ data, sender }) => (fromExtension(sender) ? shower.show(data ?? {}) : refused)),
  ];
  ctx.onInvalidated(() => {
    for (const remove of removers) remove();
  });
}
