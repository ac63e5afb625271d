import { describe, expect, test } from 'vitest';
import { mentionsInContext, sentenceAround, sentencesWithMentions } from '../../../lib/panel/sentence';

const around = (text: string, name: string, maxChars?: number) => {
  const start = text.indexOf(name);
  const c = sentenceAround(text, start, start + name.length, maxChars);
  return `${c.before}[${c.match}]${c.after}`;
};

describe('sentenceAround', () => {
  test('cuts the sentence the mention is in', () => {
    const text = 'Troops left. Officials in Damascus said talks resume. Trade slowed.';
    expect(around(text, 'Damascus')).toBe('Officials in [Damascus] said talks resume.');
  });

  test('does not end a sentence at an initial or a title', () => {
    const text = 'It rained. The U.S. envoy met Gen. Mazloum Abdi in Hasakah on Monday. Then he left.';
    expect(around(text, 'Hasakah')).toBe('The U.S. envoy met Gen. Mazloum Abdi in [Hasakah] on Monday.');
  });

  test('keeps a quoted sentence whole and leaves the previous closing quote behind', () => {
    const text = '"We left," he said. "Syria is calm," the officer added! More later.';
    expect(around(text, 'Syria')).toBe('"[Syria] is calm," the officer added!');
  });

  test('stops at a line break (headings, captions)', () => {
    const text = 'US forces in Syria\nThe bases were evacuated';
    expect(around(text, 'Syria')).toBe('US forces in [Syria]');
  });

  test('cuts a long sentence around the mention with ellipses at word boundaries', () => {
    const text = `${'word '.repeat(60)}Damascus ${'more '.repeat(60)}end.`;
    const shown = around(text, 'Damascus', 60);
    expect(shown).toMatch(/^…(word )+\[Damascus\]( more)+…$/);
    expect(shown.length).toBeLessThanOrEqual(64);
  });
});

describe('mentionsInContext', () => {
  test('gives one row per mention in text order and skips offsets outside the text', () => {
    const text = 'Iraq and Syria. Syria again.';
    const rows = mentionsInContext(text, [
      { start: 16, end: 21 },
      { start: 9, end: 14 },
      { start: 90, end: 95 },
    ]);
    expect(rows.map((r) => [r.start, r.before, r.after])).toEqual([
      [9, 'Iraq and ', '.'],
      [16, '', ' again.'],
    ]);
  });
});

describe('sentencesWithMentions', () => {
  const show = (rows: ReturnType<typeof sentencesWithMentions>) =>
    rows.map((r) => r.parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join(''));

  test('shows a sentence once with every mention in it marked', () => {
    const text = 'Troops left. The base near Kamishli (al-Qamishli) closed. Kamishli is calm.';
    const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
    const rows = sentencesWithMentions(text, [at('al-Qamishli'), at('Kamishli'), at('Kamishli', 40)]);
    expect(show(rows)).toEqual(['The base near [Kamishli] ([al-Qamishli]) closed.', '[Kamishli] is calm.']);
    expect(rows.map((r) => r.start)).toEqual([at('Kamishli').start, at('Kamishli', 40).start]);
  });

  test('a sentence too long to show whole gives each mention its own cut row', () => {
    const text = `Syria ${'and more words '.repeat(30)}Syria again.`;
    const rows = sentencesWithMentions(
      text,
      [
        { start: 0, end: 5 },
        { start: text.lastIndexOf('Syria'), end: text.lastIndexOf('Syria') + 5 },
      ],
      80,
    );
    expect(rows).toHaveLength(2);
    expect(show(rows)[0].startsWith('[Syria] and more')).toBe(true);
    expect(show(rows)[1].endsWith('[Syria] again.')).toBe(true);
  });
});

describe('sentence rows and the mentions they show', () => {
  test("each row knows its first mention's place among all mentions, for showing that one in the page", () => {
    const text = 'Kamishli (al-Qamishli) was hit. Nothing else. Later Kamishli was calm.';
    const at = (from: number, name: string) => {
      const start = text.indexOf(name, from);
      return { start, end: start + name.length };
    };
    const mentions = [at(0, 'Kamishli'), at(0, 'al-Qamishli'), at(20, 'Kamishli')];
    expect(sentencesWithMentions(text, mentions).map((row) => row.index)).toEqual([0, 2]);
  });
});
