/** @module lib/panel/sentence — the sentence around a mention, for the panel's list of mentions. */

/** A mention in its sentence: the text before it, the mention as written, the text after. */
export interface InContext {
  before: string;
  match: string;
  after: string;
  /** The mention's offset in the article text (its identity in lists). */
  start: number;
}

// Abbreviations whose dot ends no sentence in news copy ("Gen. Mazloum Abdi", "Mr. Biden", "St. Petersburg").
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'maj',
  'adm',
  'sen',
  'rep',
  'gov',
  'pres',
  'prof',
  'st',
  'jr',
  'sr',
  'no',
  'vs',
  'rev',
  'hon',
  'mt',
  'ft',
  'inc',
  'corp',
  'co',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
]);

/** True when the terminator at `i` (".", "!" or "?") ends a sentence of `text`. */
function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  // Closing quotes and brackets belong to the sentence they close.
  let j = i + 1;
  while (j < text.length && /["'”’)\]]/.test(text[j])) j++;
  if (j < text.length && !/\s/.test(text[j])) return false;
  if (c !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  // "U.S." and "U.N.": a single capital before the dot is an initial, not a sentence's last word.
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** The bounds of the sentence around [start, end): from the end of the previous sentence (or line) to its end. */
export function sentenceBounds(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && text[from - 1] !== '\n' && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < text.length && text[to] !== '\n') {
    if (endsSentence(text, to)) {
      to++;
      while (to < text.length && /["'”’)\]]/.test(text[to])) to++;
      break;
    }
    to++;
  }
  return { from, to };
}

/** The sentence's text before a mention, without the previous sentence's closing quote or leading spaces. */
function leading(text: string): string {
  return text.replace(/^["'”’)\]]*\s+/, '').replace(/^\s+/, '');
}

/**
 * The sentence of `text` around [start, end), cut to about `maxChars` around the mention with an ellipsis where
 * it was cut.
 */
export function sentenceAround(text: string, start: number, end: number, maxChars = 280): InContext {
  const { from, to } = sentenceBounds(text, start, end);
  let before = leading(text.slice(from, start));
  let after = text.slice(end, to).replace(/\s+$/, '');
  const room = Math.max(0, maxChars - (end - start));
  if (before.length + after.length > room) {
    const half = Math.floor(room / 2);
    const keepBefore = Math.min(before.length, Math.max(half, room - after.length));
    const keepAfter = Math.min(after.length, room - keepBefore);
    if (keepBefore < before.length) before = `…${before.slice(before.length - keepBefore).replace(/^\S*\s/, '')}`;
    if (keepAfter < after.length) after = `${after.slice(0, keepAfter).replace(/\s\S*$/, '')}…`;
  }
  return { before, match: text.slice(start, end), after, start };
}

/** One sentence of the article with the mentions in it marked: plain text parts and marked parts, in order. */
export interface SentenceRow {
  /** The first mention's offset (the row's identity in lists). */
  start: number;
  /** The place of the row's first mention among all the mentions, in text order (0-based). */
  index: number;
  parts: { text: string; mark: boolean }[];
}

/**
 * The sentences the mentions are in, in text order, each once: two mentions in one sentence ("Kamishli
 * (al-Qamishli)") make one row with both marked. A sentence too long to show whole gives each of its mentions
 * a row of its own, cut around it.
 */
export function sentencesWithMentions(
  text: string,
  mentions: readonly { start: number; end: number }[],
  maxChars = 280,
): SentenceRow[] {
  const valid = [...mentions]
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start);
  const rows: SentenceRow[] = [];
  let i = 0;
  while (i < valid.length) {
    const { from, to } = sentenceBounds(text, valid[i].start, valid[i].end);
    let j = i + 1;
    while (j < valid.length && valid[j].start >= valid[j - 1].end && valid[j].end <= to) j++;
    if (to - from > maxChars || j === i + 1) {
      const c = sentenceAround(text, valid[i].start, valid[i].end, maxChars);
      rows.push({
        start: c.start,
        index: i,
        parts: [
          { text: c.before, mark: false },
          { text: c.match, mark: true },
          { text: c.after, mark: false },
        ].filter((p) => p.text !== ''),
      });
      i++;
      continue;
    }
    const parts: SentenceRow['parts'] = [];
    let at = from;
    for (let k = i; k < j; k++) {
      const gap = text.slice(at, valid[k].start);
      parts.push({ text: k === i ? leading(gap) : gap, mark: false });
      parts.push({ text: text.slice(valid[k].start, valid[k].end), mark: true });
      at = valid[k].end;
    }
    parts.push({ text: text.slice(at, to).replace(/\s+$/, ''), mark: false });
    rows.push({ start: valid[i].start, index: i, parts: parts.filter((p) => p.text !== '') });
    i = j;
  }
  return rows;
}

/** Each mention in its sentence, in text order; mentions sharing a sentence each get their own row. */
export function mentionsInContext(
  text: string,
  mentions: readonly { start: number; end: number }[],
  maxChars?: number,
): InContext[] {
  return [...mentions]
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start)
    .map((m) => sentenceAround(text, m.start, m.end, maxChars));
}
