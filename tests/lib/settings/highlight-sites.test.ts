import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  highlightOffSites,
  isSiteHighlighted,
  MAX_OFF_SITES,
  setSiteHighlighting,
  withSiteHighlighting,
} from '../../../lib/settings/highlight-sites';

beforeEach(() => fakeBrowser.reset());

describe('the off-sites list', () => {
  test('a site is highlighted unless listed', () => {
    expect(isSiteHighlighted([], 'n.example')).toBe(true);
    expect(isSiteHighlighted(['n.example'], 'n.example')).toBe(false);
  });

  test('turning a site off adds it once; turning it on removes it', () => {
    expect(withSiteHighlighting(['a'], 'b', false)).toEqual(['a', 'b']);
    expect(withSiteHighlighting(['a', 'b'], 'b', false)).toEqual(['a', 'b']);
    expect(withSiteHighlighting(['a', 'b'], 'a', true)).toEqual(['b']);
  });

  test('the list is bounded: the oldest sites are forgotten first', () => {
    const full = Array.from({ length: MAX_OFF_SITES }, (_, i) => `s${i}.example`);
    const next = withSiteHighlighting(full, 'new.example', false);
    expect(next).toHaveLength(MAX_OFF_SITES);
    expect(next[0]).toBe('s1.example');
    expect(next.at(-1)).toBe('new.example');
  });
});

describe('stored in storage.local', () => {
  test('setSiteHighlighting stores the list, and watchers hear of it', async () => {
    const heard: string[][] = [];
    const unwatch = highlightOffSites.watch((value) => heard.push(value));
    await setSiteHighlighting('n.example', false);
    expect(await fakeBrowser.storage.local.get('highlightOffSites')).toEqual({ highlightOffSites: ['n.example'] });
    await setSiteHighlighting('n.example', true);
    expect(await highlightOffSites.getValue()).toEqual([]);
    expect(heard).toEqual([['n.example'], []]);
    unwatch();
  });
});
