import { describe, expect, test } from 'vitest';
import { LAST_TAB_KEY, type TabState } from '../../../lib/messages';
import { chooseTab, focusFor } from '../../../lib/panel/tab-target';

const article: TabState = { status: 'article', url: 'https://a.example/x', articleId: 'https://a.example/x', at: 1 };
const other: TabState = { status: 'not-article', url: 'https://b.example/', reasons: [], at: 2 };

describe('chooseTab', () => {
  test('follows the active tab when Backstory has seen it', () => {
    expect(chooseTab({ 'tab:1': article, 'tab:2': other, [LAST_TAB_KEY]: 1 }, 2, undefined)?.state).toBe(other);
  });

  test('falls back to the last reporting tab when the active tab is the panel itself', () => {
    expect(chooseTab({ 'tab:1': article, [LAST_TAB_KEY]: 1 }, 9, undefined)?.tabId).toBe(1);
  });

  test('sticks to a pinned tab', () => {
    expect(chooseTab({ 'tab:1': article, 'tab:2': other }, 2, 1)?.state).toBe(article);
    expect(chooseTab({ 'tab:2': other }, 2, 1)).toBeNull();
  });
});

describe('focusFor', () => {
  test("reads the tab's focus request and ignores malformed or other tabs' ones", () => {
    const session = { 'focus:1': { entityId: 'Q858', at: 5 }, 'focus:2': { entityId: 7, at: 5 } };
    expect(focusFor(session, 1)).toEqual({ entityId: 'Q858', at: 5 });
    expect(focusFor(session, 2)).toBeUndefined();
    expect(focusFor(session, 3)).toBeUndefined();
    expect(focusFor(session, undefined)).toBeUndefined();
  });
});
