/**
 * Chromium's own trace of a page's main thread (CDP Tracing), and which of its tasks are ours: a task belongs
 * to the extension when the first script it runs is the content script's (its evaluation, or a callback of
 * ours: a postTask slice, a message answer, a listener). Our slices resume from such callbacks on purpose
 * (entrypoints/content pause()), so the page's tasks and ours are told apart without guessing from time.
 */
import type { Page } from 'playwright-core';

/** The trace events read here (Chrome's Trace Event Format). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

/** A long task is one over 50 ms; its blocking time is what exceeds 50 ms. */
export const LONG_TASK_MS = 50;

export interface MainThreadTasks {
  /** Tasks over 50 ms on the page's main thread, from the start of its HTML on. */
  longTasks: number;
  /** Their blocking time (the part over 50 ms), summed. */
  blockingMs: number;
  /** Of these, the tasks the extension started. */
  ourLongTasks: number;
  ourBlockingMs: number;
  /** The extension's longest task and all its tasks' time. */
  ourLongestMs: number;
  ourTotalMs: number;
  /** Our long tasks, each with the time its inner events took by name (what made it long). */
  ourLong: { ms: number; startedBy: string; inside: Record<string, number> }[];
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'toplevel',
  '__metadata',
];
/** Events that run script: the first one inside a task says whose task it is. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'TimerFire', 'EventDispatch']);

/** Starts tracing a page (before it navigates); `stop` ends it and resolves to the events. */
export async function traceMainThread(page: Page): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const event of e.value) events.push(event as unknown as TraceEvent);
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    stop: async () => {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => {});
      return events;
    },
  };
}

/**
 * The tasks of the page's main thread (the renderer that parsed `url`), from its first HTML parse on, and which
 * of them are the extension's (`ourUrlPrefix`, e.g. "chrome-extension://").
 */
export function mainThreadTasks(events: TraceEvent[], url: string, ourUrlPrefix: string): MainThreadTasks {
  const result: MainThreadTasks = {
    longTasks: 0,
    blockingMs: 0,
    ourLongTasks: 0,
    ourBlockingMs: 0,
    ourLongestMs: 0,
    ourTotalMs: 0,
    ourLong: [],
  };
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(url));
  if (!parse) return result;
  const mainThread = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === parse.pid && e.args?.name === 'CrRendererMain',
  );
  const tid = mainThread?.tid ?? parse.tid;
  const onMain = events.filter((e) => e.pid === parse.pid && e.tid === tid && e.ts >= parse.ts);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const scripts = onMain.filter((e) => SCRIPT_EVENTS.has(e.name)).sort((a, b) => a.ts - b.ts);
  let s = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (s < scripts.length && scripts[s].ts < task.ts) s++;
    // The first script event inside the task, if any, says who started it.
    let first: TraceEvent | undefined;
    for (let k = s; k < scripts.length && scripts[k].ts <= end; k++) {
      if (scripts[k].name === 'TimerFire' || scripts[k].name === 'EventDispatch') continue;
      first = scripts[k];
      break;
    }
    const ms = (task.dur ?? 0) / 1000;
    const ours = (first?.args?.data?.url ?? '').startsWith(ourUrlPrefix);
    if (ours) {
      result.ourTotalMs += ms;
      result.ourLongestMs = Math.max(result.ourLongestMs, ms);
    }
    if (ms <= LONG_TASK_MS) continue;
    result.longTasks++;
    result.blockingMs += ms - LONG_TASK_MS;
    if (ours) {
      result.ourLongTasks++;
      result.ourBlockingMs += ms - LONG_TASK_MS;
      result.ourLong.push({ ms, startedBy: first?.name ?? '', inside: innerTime(onMain, task) });
    }
  }
  return result;
}

/** Time of the events inside a task, by name (nested ones count in each level), in ms, the largest first. */
function innerTime(events: TraceEvent[], task: TraceEvent): Record<string, number> {
  const end = task.ts + (task.dur ?? 0);
  const by = new Map<string, number>();
  for (const e of events) {
    if (e === task || e.ph !== 'X' || e.ts < task.ts || e.ts > end || !e.dur) continue;
    by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
  }
  return Object.fromEntries(
    [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => [k, Math.round(v * 10) / 10]),
  );
}
