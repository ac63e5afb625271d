/** @module lib/content/reading-flow — the content script's work on one page: detect, extract, ask, highlight. */

import type { Detection, ExtractedText } from '../extract/types';
import { HIGHLIGHT_CSS, highlightMentions } from '../highlight/highlight';
import type { AnalyzedArticle, ArticleToAnalyze, Result, SkippedPage } from '../messages';
import type { Mention } from '../recognize/types';

export interface ReadingFlowDeps {
  doc: Document;
  url: string;
  /** May run in slices (the content script's `runStepsInSlices`), so it may answer later. */
  detect: (doc: Document, url: string) => Detection | Promise<Detection>;
  extract: (root: Element) => ExtractedText | Promise<ExtractedText>;
  analyze: (article: ArticleToAnalyze) => Promise<Result<AnalyzedArticle>>;
  skipped: (page: SkippedPage) => Promise<Result<null>>;
  /**
   * Marks the mentions. Default: the stylesheet and all marks at once. The page session passes its own,
   * which paints in chunks and can hide and show the marks later.
   */
  highlight?: (extracted: ExtractedText, mentions: Mention[]) => Promise<unknown> | unknown;
  /** Lets the page run between detection and extraction: each can take tens of milliseconds on a big page. */
  pause?: () => Promise<void>;
  /** True when the page changed under the flow (an SPA navigation, the extension reloaded): stop quietly. */
  stopped?: () => boolean;
  /** The page's canonical link; default: `<link rel="canonical">`. */
  canonical?: (doc: Document) => string | undefined;
}

export type ReadingOutcome =
  | { status: 'not-article'; reasons: string[] }
  | { status: 'empty' }
  | { status: 'stopped' }
  | { status: 'error'; error: string }
  | {
      status: 'highlighted';
      /** The wrappers made (only with the default `highlight`; a custom one keeps its own). */
      wrappers: Element[];
      mentions: Mention[];
      extracted: ExtractedText;
      articleId: string;
      root: Element;
    };

/** Runs the reading flow once. Never throws: a page must not see the extension fail. */
export async function runReadingFlow(deps: ReadingFlowDeps): Promise<ReadingOutcome> {
  try {
    const detection = await deps.detect(deps.doc, deps.url);
    if (!detection.isArticle || !detection.root) {
      await deps.skipped({ url: deps.url, reasons: detection.reasons });
      return { status: 'not-article', reasons: detection.reasons };
    }
    if (deps.pause) await deps.pause();
    if (deps.stopped?.()) return { status: 'stopped' };
    const root = detection.root;
    const extracted = await deps.extract(root);
    if (!extracted.text.trim()) {
      // Still tell the background, so the panel does not keep showing the tab's previous page.
      await deps.skipped({ url: deps.url, reasons: [...detection.reasons, 'no text'] });
      return { status: 'empty' };
    }
    const canonical = deps.canonical
      ? deps.canonical(deps.doc)
      : (deps.doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined);
    const answer = await deps.analyze({ url: deps.url, canonical, title: detection.title, text: extracted.text });
    if (deps.stopped?.()) return { status: 'stopped' };
    if (!answer.ok) return { status: 'error', error: answer.error };
    const { mentions, articleId } = answer.value;
    let wrappers: Element[] = [];
    if (deps.highlight) {
      await deps.highlight(extracted, mentions);
    } else {
      installHighlightStyle(deps.doc);
      wrappers = highlightMentions(extracted, mentions);
    }
    return { status: 'highlighted', wrappers, mentions, extracted, articleId, root };
  } catch (error) {
    return { status: 'error', error: error instanceof Error ? error.message : String(error) };
  }
}

const STYLE_ID = 'backstory-highlight-style';

/**
 * Adds the highlight stylesheet once, as an adopted (constructable) stylesheet where the browser
 * allows it, so the page's DOM gains no element; a <style> in <head> otherwise.
 */
export function installHighlightStyle(doc: Document): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (view && 'adoptedStyleSheets' in doc && typeof view.CSSStyleSheet === 'function') {
      const sheets = doc.adoptedStyleSheets;
      if (sheets.some((s) => (s as CSSStyleSheet & { backstory?: boolean }).backstory)) return;
      const sheet = new view.CSSStyleSheet() as CSSStyleSheet & { backstory?: boolean };
      sheet.replaceSync(HIGHLIGHT_CSS);
      sheet.backstory = true;
      doc.adoptedStyleSheets = [...sheets, sheet];
      return;
    }
  } catch {
    // Some pages and engines refuse adopted sheets from an extension's world: fall back to <style>.
  }
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}
