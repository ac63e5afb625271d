/** @module lib/content/page-session — the content script's work for one tab: read, highlight, follow changes, toggle. */

import { visibleLength } from '../extract/node-filters';
import type { Detection, ExtractedText } from '../extract/types';
import { MENTION_TAG } from '../highlight/highlight';
import type {
  AddedText,
  AnalyzedArticle,
  ArticleToAnalyze,
  HighlightingState,
  PageHighlighting,
  Result,
  SkippedPage,
} from '../messages';
import type { Mention } from '../recognize/types';
import { siteOf } from '../url';
import { addedRoots, joinExtracted, MIN_ADDED_TEXT, MIN_ADDED_TEXT_OUTSIDE_ARTICLE, onlyNewText } from './added-text';
import type { HoverCard } from './hover-card';
import { createPageHighlights } from './page-highlights';
import { installHighlightStyle, runReadingFlow } from './reading-flow';
import { isSamePage } from './same-page';
import { waitForQuiet } from './wait-for-quiet';
import { type AddedTextWatch, type Timers, watchAddedText } from './watch-added-text';

export interface SessionTiming {
  /** Milliseconds of highlighting per task (a long task is 50 ms; style work follows each chunk). */
  budgetMs: number;
  /** Quiet time after added elements before reading them. */
  debounceMs: number;
  /** Longest wait before reading in a stream of additions that never pauses. */
  maxWaitMs: number;
  /** Without relevant additions for this long, stop observing (until the reader scrolls, clicks or types). */
  idleMs: number;
  /** After an SPA navigation: quiet time that means the new page has rendered… */
  settleMs: number;
  /** …and the longest wait for it. */
  settleMaxMs: number;
  /** A page that was not an article is detected again at most this many times as content arrives. */
  maxRedetect: number;
  /** Visible characters a page must add before it is detected again. */
  redetectChars: number;
}

export const DEFAULT_TIMING: SessionTiming = {
  budgetMs: 8,
  debounceMs: 500,
  maxWaitMs: 2_000,
  idleMs: 30_000,
  settleMs: 400,
  settleMaxMs: 4_000,
  maxRedetect: 3,
  redetectChars: 400,
};

export interface PageSessionDeps {
  doc: Document;
  /** The content script's context: aborting it removes every mark, listener and observer. */
  signal: AbortSignal;
  /** The page's address now. */
  url: () => string;
  /** Page reading, which may run in slices (see `runStepsInSlices`). */
  detect: (doc: Document, url: string) => Detection | Promise<Detection>;
  extract: (root: Element) => ExtractedText | Promise<ExtractedText>;
  analyze: (article: ArticleToAnalyze) => Promise<Result<AnalyzedArticle>>;
  analyzeAdded: (added: AddedText) => Promise<Result<{ mentions: Mention[] }>>;
  skipped: (page: SkippedPage) => Promise<Result<null>>;
  highlightingChanged: (change: { url: string; highlighting: HighlightingState }) => Promise<Result<null>>;
  /** Stores the per-site switch (other tabs of the site follow through their own `siteSettingChanged`). */
  setSiteHighlighting: (site: string, on: boolean) => Promise<void>;
  /** Lets the page run: `scheduler.yield` or a 0 ms timeout. */
  pause: () => Promise<void>;
  now: () => number;
  timers: Timers;
  MutationObserver: typeof MutationObserver;
  /** One-time listener for reader activity, to restart watching after an idle stop. */
  onActivity?: (listener: () => void, signal: AbortSignal) => void;
  card?: Pick<HoverCard, 'decorate' | 'reset'>;
  /** Whether a text node is above the reader's view (a layout read): marks start where the reader looks. */
  isAboveView?: (node: Text) => boolean;
  timing?: Partial<SessionTiming>;
}

export interface PageSession {
  /** Reads the page. `siteOn` is the stored per-site switch; marks wait for it, reading does not. */
  start(siteOn: Promise<boolean>): Promise<void>;
  /** The page's URL changed without a load (history.pushState): read the new page once it has rendered. */
  navigated(url: string): Promise<void>;
  /** Reads the page again now (the reader corrected a name): marks are made anew. */
  reread(): Promise<void>;
  state(): PageHighlighting;
  /** Turns this page's highlights on or off; no `on` toggles. */
  setPage(on?: boolean): Promise<PageHighlighting>;
  /** Turns highlighting on or off for the whole site, and stores it. */
  setSite(on: boolean): Promise<PageHighlighting>;
  /** The stored per-site switch changed (in this tab or another). */
  siteSettingChanged(on: boolean): void;
  /** Resolves when the current reading (and its highlighting) is done; for tests and the benchmark. */
  settled(): Promise<void>;
  /** Removes every mark and stops watching (the extension was reloaded or turned off). */
  dispose(): void;
}

/**
 * One session per document. Reading runs once per page (again after an SPA navigation); text the page adds
 * later is read alone and highlighted without touching existing marks; the per-page and per-site switches
 * hide and restore the marks without reading again.
 */
export function createPageSession(deps: PageSessionDeps): PageSession {
  const timing: SessionTiming = { ...DEFAULT_TIMING, ...deps.timing };
  const { doc } = deps;
  let siteOn = true;
  let pageOverride: boolean | undefined;
  let status: PageHighlighting['status'] = 'working';
  let url = deps.url();
  let articleId: string | undefined;
  /** The element holding the article, as detection found it. */
  let articleRoot: Element | undefined;
  /** The canonical link of the last page read, and that page's address. */
  let lastCanonical: { pageUrl: string; href: string | undefined } | undefined;
  let run = childController(deps.signal);
  let watch: AddedTextWatch | undefined;
  let seen = new WeakSet<Node>();
  let redetects = 0;
  let current: Promise<unknown> = Promise.resolve();
  let painting: Promise<unknown> = Promise.resolve();
  /** Resolves when the current reading has an outcome (blocks added meanwhile wait for it). */
  let reading: Promise<void> = Promise.resolve();
  let siteKnown: Promise<unknown> = Promise.resolve();
  let reported: HighlightingState | undefined;
  /** Readings, paintings and switches in progress (see `PageHighlighting.busy`). */
  let inProgress = 0;

  async function tracked<T>(work: () => Promise<T>): Promise<T> {
    inProgress++;
    try {
      return await work();
    } finally {
      inProgress--;
    }
  }

  const highlights = createPageHighlights(
    {
      pause: deps.pause,
      now: deps.now,
      budgetMs: timing.budgetMs,
      installStyle: () => installHighlightStyle(doc),
      decorate: deps.card?.decorate,
      isAboveView: deps.isAboveView,
      onRemoved: () => deps.card?.reset(),
    },
    true,
  );

  const isOn = () => pageOverride ?? siteOn;
  const highlighting = (): HighlightingState => (isOn() ? 'on' : siteOn ? 'off-page' : 'off-site');

  /** Brings the marks in line with the switches, and tells the background when that changed. */
  function apply(): Promise<void> {
    return tracked(applyNow);
  }

  async function applyNow(): Promise<void> {
    const work = isOn() ? highlights.show() : highlights.hide();
    const now = highlighting();
    if (status === 'article' && now !== reported) {
      reported = now;
      void deps.highlightingChanged({ url, highlighting: now }).catch(() => {});
    }
    await work;
  }

  function remember(extracted: ExtractedText): void {
    for (const seg of extracted.segments) {
      const parent = seg.node.parentNode;
      if (parent) seen.add(parent);
    }
  }

  /** Text already read: its element was read before (a block the page moved), or it is inside one of our marks. */
  function isOld(node: Text): boolean {
    const parent = node.parentElement;
    return !parent || seen.has(parent) || parent.closest(MENTION_TAG) !== null;
  }

  /**
   * The canonical link to send. On a page reached by an SPA navigation, a link that did not change with the
   * URL is the first page's (many SPAs never update it), and sending it would file this article under that one.
   */
  function canonicalFor(d: Document): string | undefined {
    const href = d.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
    let resolved: string | undefined;
    try {
      resolved = href ? new URL(href, url).href : undefined;
    } catch {
      resolved = undefined;
    }
    // Compared with the page the link was last seen on, so reading the same page again keeps its link.
    if (lastCanonical && lastCanonical.pageUrl !== url && resolved === lastCanonical.href) return undefined;
    lastCanonical = { pageUrl: url, href: resolved };
    return href;
  }

  function readPage(signal: AbortSignal): Promise<void> {
    return tracked(() => readPageNow(signal));
  }

  async function readPageNow(signal: AbortSignal): Promise<void> {
    const stopped = () => signal.aborted;
    painting = Promise.resolve();
    let finish = () => {};
    reading = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // Watching starts before reading: a block the page adds while the background works (or a framework
    // re-rendering the article, which drops marks) is read once this reading is done.
    startWatch(signal);
    try {
      const outcome = await runReadingFlow({
        doc,
        url,
        detect: deps.detect,
        extract: deps.extract,
        analyze: async (article) => {
          await siteKnown;
          reported = highlighting();
          return deps.analyze({ ...article, highlighting: reported });
        },
        skipped: deps.skipped,
        pause: deps.pause,
        stopped,
        canonical: canonicalFor,
        highlight: (extracted, mentions) => {
          remember(extracted);
          painting = highlights.add(extracted, mentions);
        },
      });
      if (outcome.status === 'highlighted') {
        status = 'article';
        articleId = outcome.articleId;
        articleRoot = outcome.root;
      } else if (outcome.status === 'not-article' || outcome.status === 'empty') {
        status = 'not-article';
      } else if (outcome.status === 'error') {
        status = 'error';
      }
    } finally {
      finish();
    }
    if (stopped()) return;
    if (status === 'error') watch?.stop();
    await painting;
  }

  function startWatch(signal: AbortSignal): void {
    watch?.stop();
    if (!doc.body || signal.aborted) return;
    watch = watchAddedText({
      target: doc.body,
      signal,
      MutationObserver: deps.MutationObserver,
      setTimeout: deps.timers.setTimeout,
      clearTimeout: deps.timers.clearTimeout,
      debounceMs: timing.debounceMs,
      maxWaitMs: timing.maxWaitMs,
      idleMs: timing.idleMs,
      onActivity: deps.onActivity,
      onAdded: (elements) => tracked(() => readAdded(elements, signal)),
    });
  }

  /** Reads blocks the page added. Resolves true when they held text worth reading (keeps the watch alive). */
  async function readAdded(elements: Element[], signal: AbortSignal): Promise<boolean> {
    if (status === 'working') await reading;
    const body = doc.body;
    if (!body || signal.aborted) return false;
    const roots = addedRoots(elements, body);
    if (roots.length === 0) return false;
    if (status === 'article' && articleId) {
      const parts: ExtractedText[] = [];
      for (const [i, root] of roots.entries()) {
        // One task per block: an infinite scroll can add a whole article at once.
        if (i > 0) await deps.pause();
        if (signal.aborted || !root.isConnected) continue;
        const fresh = onlyNewText(await deps.extract(root), isOld);
        const inArticle = articleRoot?.isConnected === true && articleRoot.contains(root);
        if (visibleLength(fresh.text) >= (inArticle ? MIN_ADDED_TEXT : MIN_ADDED_TEXT_OUTSIDE_ARTICLE)) {
          parts.push(fresh);
        }
      }
      if (parts.length === 0) return false;
      const added = joinExtracted(parts);
      remember(added);
      const answer = await deps.analyzeAdded({ url, articleId, text: added.text });
      if (signal.aborted || !answer.ok) return answer.ok;
      await highlights.add(added, answer.value.mentions);
      return true;
    }
    if (status === 'not-article' && redetects < timing.maxRedetect) {
      // A page that renders its article late (client-side) was read too early: read it again once it has grown.
      let chars = 0;
      for (const root of roots) chars += visibleLength(root.textContent ?? '');
      if (chars < timing.redetectChars) return false;
      redetects++;
      watch?.stop();
      status = 'working';
      current = readPage(signal);
      return true;
    }
    return false;
  }

  /**
   * Forgets the page's reading and marks and reads it again: a new page after an SPA navigation (once it has
   * settled; the per-page switch starts afresh), or the same page when the reader corrected a name (at once).
   */
  async function restart(newPage: boolean): Promise<void> {
    run.abort();
    watch?.stop();
    highlights.clear();
    run = childController(deps.signal);
    const signal = run.signal;
    status = 'working';
    articleId = undefined;
    articleRoot = undefined;
    if (newPage) pageOverride = undefined;
    reported = undefined;
    seen = new WeakSet();
    redetects = 0;
    current = (async () => {
      if (newPage) {
        await waitForQuiet({
          target: doc.body ?? doc.documentElement,
          MutationObserver: deps.MutationObserver,
          setTimeout: deps.timers.setTimeout,
          clearTimeout: deps.timers.clearTimeout,
          quietMs: timing.settleMs,
          maxMs: timing.settleMaxMs,
          signal,
        });
        if (signal.aborted) return;
        url = deps.url();
      }
      if (isOn() !== highlights.shown) await apply();
      await readPage(signal);
    })();
    await current;
  }

  return {
    async start(siteOnSetting) {
      siteKnown = siteOnSetting.then(
        (on) => {
          siteOn = on;
          if (!isOn()) highlights.hide();
        },
        () => {},
      );
      const signal = run.signal;
      current = (async () => {
        // Reading waits for a task of its own: the script's start-up (parsing it, the extension APIs) is
        // already most of a long task's budget.
        await deps.pause();
        if (!signal.aborted) await readPage(signal);
      })();
      await current;
    },

    async navigated(next) {
      if (isSamePage(url, next) || deps.signal.aborted) return;
      url = next;
      await restart(true);
    },

    async reread() {
      if (deps.signal.aborted) return;
      await restart(false);
    },

    state() {
      return {
        site: siteOf(url),
        on: isOn(),
        siteOn,
        status,
        marks: highlights.count(),
        busy: status === 'working' || inProgress > 0,
      };
    },

    async setPage(on) {
      pageOverride = on ?? !isOn();
      await apply();
      return this.state();
    },

    async setSite(on) {
      await deps.setSiteHighlighting(siteOf(url), on);
      siteOn = on;
      pageOverride = undefined;
      await apply();
      return this.state();
    },

    siteSettingChanged(on) {
      if (on === siteOn) return;
      siteOn = on;
      void apply();
    },

    async settled() {
      let seenCurrent: Promise<unknown> | undefined;
      // Reading can start again while we wait (a late article, an SPA navigation): wait for the newest.
      while (seenCurrent !== current) {
        seenCurrent = current;
        await current;
        await painting;
      }
    },

    dispose() {
      run.abort();
      watch?.stop();
      highlights.clear();
    },
  };
}

/** An AbortController that also aborts with `parent`. */
function childController(parent: AbortSignal): AbortController {
  const controller = new AbortController();
  if (parent.aborted) controller.abort();
  else parent.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
}
