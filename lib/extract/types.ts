/** @module lib/extract/types — the extracted article text and its map back to DOM text nodes. */

/**
 * A run of the extracted text that comes verbatim from one DOM text node:
 * `text.slice(start, end) === node.data.slice(nodeOffset, nodeOffset + (end - start))`.
 */
export interface TextSegment {
  node: Text;
  nodeOffset: number;
  start: number;
  end: number;
}

/**
 * The main text of a page. Characters not covered by a segment are separators the extractor
 * added ("\n" for a line break, "\n\n" between blocks); highlighting never touches them.
 */
export interface ExtractedText {
  text: string;
  /** Sorted by `start`, non-overlapping. */
  segments: TextSegment[];
}

/** Whether a page is a news article, why, and where its main content is. */
export interface Detection {
  isArticle: boolean;
  /** 0..1, higher is more article-like. */
  score: number;
  /** Short human-readable cues that decided, e.g. "json-ld NewsArticle", "paragraphs 14". */
  reasons: string[];
  /** The element holding the article body, when one was found. */
  root: Element | null;
  title: string;
}
