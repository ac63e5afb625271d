// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '../../components/SidePanel';
import { recordVisit } from '../../lib/db/articles';
import { openDb } from '../../lib/db/schema';
import { panelFocusKey, type TabState, tabStateKey } from '../../lib/messages';
import type { Mention } from '../../lib/recognize/types';
import { until } from '../helpers/until';

const text = 'Syria and Iraq. Syria again.';
const mentions: Mention[] = [
  { start: 0, end: 5, kind: 'place', entityId: 'Q858', name: 'Syria', confidence: 1, surface: 'Syria' },
  { start: 10, end: 14, kind: 'place', entityId: 'Q796', name: 'Iraq', confidence: 1, surface: 'Iraq' },
  { start: 16, end: 21, kind: 'place', entityId: 'Q858', name: 'Syria', confidence: 1, surface: 'Syria' },
];

async function panelFor(state: TabState | undefined, extra: Record<string, unknown> = {}) {
  const db = openDb(`test-${crypto.randomUUID()}`);
  await recordVisit(db, {
    id: 'https://n.example/a',
    url: 'https://n.example/a',
    title: 'A story',
    site: 'n.example',
    text,
    mentions,
    entries: [],
    now: 1,
  });
  if (state) await fakeBrowser.storage.session.set({ [tabStateKey(4)]: state, ...extra });
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<SidePanel db={db} pinnedTabId={4} />, root));
  return root;
}

const article: TabState = { status: 'article', url: 'https://n.example/a', articleId: 'https://n.example/a', at: 1 };

describe('SidePanel', () => {
  beforeEach(() => fakeBrowser.reset());

  test('lists the pinned tab article names', async () => {
    const root = await panelFor(article);
    await until(() => root.querySelector('.groups') !== null);
    expect(root.querySelector('h1')?.textContent).toBe('A story');
    expect([...root.querySelectorAll('.groups .name')].map((n) => n.textContent)).toEqual(['Syria', 'Iraq']);
  });

  test('says when the page is not an article, and when nothing was seen', async () => {
    const root = await panelFor({ status: 'not-article', url: 'https://n.example/', reasons: [], at: 1 });
    await until(() => root.querySelector('.empty')?.textContent?.includes('not an article') === true);
    fakeBrowser.reset();
    const none = await panelFor(undefined);
    await until(() => none.querySelector('.empty')?.textContent?.startsWith('Open a news article') === true);
  });

  test('says when highlighting is off on the site, and still lists the names', async () => {
    const root = await panelFor({ ...article, highlighting: 'off-site' });
    await until(() => root.querySelector('.notice') !== null);
    expect(root.querySelector('.notice')?.textContent).toContain('off on this site');
    expect(root.querySelectorAll('.groups .entity')).toHaveLength(2);
  });

  test('selects the entry a hover card asked about', async () => {
    const root = await panelFor(article, { [panelFocusKey(4)]: { entityId: 'Q796', at: 5 } });
    await until(() => root.querySelector('.detail h2') !== null);
    expect(root.querySelector('.detail h2')?.textContent).toBe('Iraq');
  });

  test('follows the tab to its next article', async () => {
    const root = await panelFor(article);
    await until(() => root.querySelector('h1') !== null);
    await act(() =>
      fakeBrowser.storage.session.set({
        [tabStateKey(4)]: { status: 'not-article', url: 'https://n.example/b', reasons: [], at: 2 },
      }),
    );
    await until(() => root.querySelector('.empty')?.textContent?.includes('not an article') === true);
  });
});
