import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../lib/analyze';
import { miniIndex } from '../../helpers/mini-kb';

const index = miniIndex();
function linkOf(text: string, surface: string): string | undefined {
  return analyzeText(text, index).find((m) => m.surface === surface)?.entityId;
}

describe('linking', () => {
  test('picks the more prominent namesake without other cues', () => {
    expect(linkOf('Georgia held elections.', 'Georgia')).toBe('Q230');
  });

  test("follows the article's countries between namesakes", () => {
    expect(linkOf('In the United States, voters in Georgia went to the polls.', 'Georgia')).toBe('gn:4197000');
  });

  test('keeps one sense per article', () => {
    const mentions = analyzeText('The US said Georgia must act. Georgia replied.', index).filter((m) => m.surface === 'Georgia');
    expect(new Set(mentions.map((m) => m.entityId)).size).toBe(1);
  });

  test('gives every link a confidence between 0 and 1', () => {
    for (const m of analyzeText('Joe Biden met NATO leaders in London.', index)) {
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
  });
});
