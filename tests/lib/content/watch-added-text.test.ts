// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { type WatchAddedTextOptions, watchAddedText } from '../../../lib/content/watch-added-text';
import { type ManualTimers, manualTimers } from '../../helpers/manual-timers';

let controller = new AbortController();
let clock: ManualTimers = manualTimers();
const sleep = (ms: number) => clock.advance(ms);

afterEach(() => controller.abort());

function watch(overrides: Partial<WatchAddedTextOptions> = {}) {
  controller = new AbortController();
  clock = manualTimers();
  document.body.innerHTML = '<article><p>Old text.</p></article>';
  const batches: string[][] = [];
  const handle = watchAddedText({
    target: document.body,
    signal: controller.signal,
    MutationObserver: window.MutationObserver as unknown as typeof MutationObserver,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    now: clock.now,
    debounceMs: 20,
    maxWaitMs: 200,
    idleMs: 150,
    onAdded: (elements) => {
      batches.push(elements.map((e) => e.textContent ?? ''));
      return true;
    },
    ...overrides,
  });
  return { handle, batches };
}

function add(text: string, tag = 'p'): Element {
  const el = document.createElement(tag);
  el.textContent = text;
  (document.querySelector('article') as Element).append(el);
  return el;
}

describe('watchAddedText', () => {
  test('hands over a burst of added blocks once, after the quiet time', async () => {
    const { batches } = watch();
    add('First update.');
    add('Second update.');
    await sleep(5);
    add('Third update.');
    expect(batches).toEqual([]);
    await sleep(60);
    expect(batches).toEqual([['First update.', 'Second update.', 'Third update.']]);
  });

  test('ignores our own marks, media and bare text nodes', async () => {
    const { batches } = watch();
    add('Kyiv', 'bs-mention');
    add('', 'img');
    (document.querySelector('article p') as Element).append(document.createTextNode(' more'));
    await sleep(60);
    expect(batches).toEqual([]);
  });

  test('stops observing after the idle time without new text, and starts again on reader activity', async () => {
    let wake: (() => void) | undefined;
    const idles: number[] = [];
    const { handle, batches } = watch({
      onActivity: (listener) => {
        wake = listener;
      },
      onIdle: () => idles.push(clock.now()),
    });
    expect(handle.observing).toBe(true);
    await sleep(200);
    expect(handle.observing).toBe(false);
    expect(idles).toHaveLength(1);
    add('Added while idle.');
    await sleep(60);
    expect(batches).toEqual([]);
    wake?.();
    expect(handle.observing).toBe(true);
    add('Added after a scroll.');
    await sleep(60);
    expect(batches).toEqual([['Added after a scroll.']]);
  });

  test('an addition with new text keeps it watching past the idle time', async () => {
    const { handle } = watch();
    await sleep(100);
    add('An update.');
    await sleep(100);
    expect(handle.observing).toBe(true);
  });

  test('stops for good when its signal aborts', async () => {
    const { handle, batches } = watch();
    controller.abort();
    expect(handle.observing).toBe(false);
    add('After the page was left.');
    await sleep(60);
    expect(batches).toEqual([]);
  });
});
