/** @module lib/detect/analyze-page — detection and extraction of a whole page in one call. */

import { extractText, toPlainText } from '../extract/extract-text';
import type { Detection, ExtractedText } from '../extract/types';
import { bodyOf } from './content-root';
import { detectArticle } from './detect-article';

export interface PageAnalysis {
  detection: Detection;
  /** The article's text and its map to DOM text nodes; null when the page is not an article. */
  extracted: ExtractedText | null;
}

/** Detects whether `doc` is an article and, when it is, extracts its main text. Read-only; never throws. */
export function analyzePage(doc: Document, url?: string): PageAnalysis {
  const detection = detectArticle(doc, url);
  const extracted = detection.isArticle && detection.root ? extractText(detection.root) : null;
  return { detection, extracted };
}

export interface PlainPageText {
  detection: Detection;
  /** Whitespace-collapsed main text (see `toPlainText`). */
  text: string;
}

/**
 * Like `analyzePage`, but returns plain text for every page, article or not: the text of the main content
 * block when one was found, else of the body. For the CLI and evaluation, where non-articles are scored
 * on their text too.
 */
export function analyzePagePlain(doc: Document, url?: string): PlainPageText {
  const detection = detectArticle(doc, url);
  const root = detection.root ?? bodyOf(doc);
  const text = root ? toPlainText(extractText(root)) : '';
  return { detection, text };
}
