// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { analyzePage, analyzePagePlain } from '../../../lib/detect/analyze-page';

const para = (topic: string) =>
  `<p>Officials in ${topic} said on Monday that the river had risen faster than forecast, and that volunteers would keep working through the night.</p>`;

function parse(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`, 'text/html');
}

describe('analyzePage', () => {
  test('extracts the text of an article', () => {
    const { detection, extracted } = analyzePage(
      parse(`<div>${['Győr', 'Pest', 'Buda', 'Linz'].map(para).join('')}</div>`),
    );
    expect(detection.isArticle).toBe(true);
    expect(extracted?.text.split('\n\n')).toHaveLength(4);
    expect(extracted?.segments[0].node.data).toContain('Győr');
  });

  test('extracts nothing from a page that is not an article', () => {
    const { detection, extracted } = analyzePage(parse('<p>Log in to continue.</p>'));
    expect(detection.isArticle).toBe(false);
    expect(extracted).toBeNull();
  });

  test('never throws on an empty document', () => {
    expect(analyzePage(new DOMParser().parseFromString('', 'text/html'))).toMatchObject({ extracted: null });
  });
});

describe('analyzePagePlain', () => {
  test('gives whitespace-collapsed text for non-articles too', () => {
    const { detection, text } = analyzePagePlain(parse('<div><p>Log   in\n to continue.</p></div>'));
    expect(detection.isArticle).toBe(false);
    expect(text).toBe('Log in to continue.');
  });
});
