import { describe, expect, test } from 'vitest';
import { mainThreadTasks } from '../../scripts/lib/page-trace';

const URL = 'http://127.0.0.1:1/page';
const OURS = 'chrome-extension://abc/content-scripts/content.js';
const PAGE_JS = 'http://127.0.0.1:1/app.js';
const pid = 7;
const tid = 1;

/** A task of `ms` milliseconds at `atMs`, with the script events inside it. */
function task(atMs: number, ms: number, scripts: { name: string; url?: string; offsetMs?: number }[] = []) {
  const ts = atMs * 1000;
  return [
    { name: 'RunTask', ph: 'X', pid, tid, ts, dur: ms * 1000 },
    ...scripts.map((s, i) => ({
      name: s.name,
      ph: 'X',
      pid,
      tid,
      ts: ts + (s.offsetMs ?? i + 1) * 1000,
      dur: 1000,
      args: { data: { url: s.url } },
    })),
  ];
}

const start = [
  { name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'ParseHTML', ph: 'X', pid, tid, ts: 1000, dur: 1000, args: { beginData: { url: URL } } },
];

describe('which main-thread tasks are the extension’s', () => {
  test('a task is ours when the first script it runs is ours, and its blocking time is what exceeds 50 ms', () => {
    const events = [
      ...start,
      ...task(10, 80, [{ name: 'EvaluateScript', url: OURS }]), // ours, 30 ms blocking
      ...task(100, 120, [
        { name: 'FunctionCall', url: PAGE_JS },
        { name: 'FunctionCall', url: OURS },
      ]), // page's
      ...task(300, 20, [{ name: 'FunctionCall', url: OURS }]), // ours, short
      ...task(400, 60), // no script: style and layout, the page's
    ];
    const t = mainThreadTasks(events, URL, 'chrome-extension://');
    expect(t).toMatchObject({
      longTasks: 3,
      blockingMs: 30 + 70 + 10,
      ourLongTasks: 1,
      ourBlockingMs: 30,
      ourLongestMs: 80,
      ourTotalMs: 100,
    });
    expect(t.ourLong[0].startedBy).toBe('EvaluateScript');
  });

  test('tasks before the page’s HTML and on other threads or processes are not counted', () => {
    const other = task(50, 90, [{ name: 'FunctionCall', url: OURS }]).map((e) => ({ ...e, tid: 2 }));
    const events = [...task(0, 90, [{ name: 'FunctionCall', url: OURS }]), ...start, ...other];
    expect(mainThreadTasks(events, URL, 'chrome-extension://')).toMatchObject({ longTasks: 0, ourTotalMs: 0 });
  });
});
