/**
 * In the page: the built extension in Debian's Chromium on every eval page, after the knowledge base is
 * installed (its install takes a core for about 40 s on a fresh profile, which would be measured otherwise).
 * Time from DOMContentLoaded (the content script runs at document_idle, after it) to the first mark, taken in
 * the page's own clock by a MutationObserver registered before the page loads: the extension itself leaves no
 * performance marks in pages, since sites' analytics scripts read them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, type BenchContext, type BenchRow, type BenchSection, median, percentile } from './bench-core';
import {
  EXTENSION_DIR,
  instrumentPage,
  launchWithExtension,
  OFFLINE_ARGS,
  readPageMetrics,
  serveFolders,
  waitForKbInstalled,
  waitForPageRead,
} from './chromium';

/** The content script's budget, also checked by tests/e2e/bundle-size.e2e.ts. */
const CONTENT_SCRIPT_GZIP_LIMIT = 30_000;

export const inPageSection: BenchSection = {
  id: 'in-page',
  title: 'In the page (built extension, real Chromium, eval pages)',
  run: async (ctx: BenchContext): Promise<BenchRow[]> => {
    const contentScript = join(EXTENSION_DIR, 'content-scripts/content.js');
    if (!existsSync(contentScript)) throw new Error(`no built extension in ${EXTENSION_DIR}: run npm run build first`);
    const pagesDir = join(ctx.evalDir, 'pages');
    let pages = readdirSync(pagesDir)
      .filter((name) => existsSync(join(pagesDir, name, 'source.html')))
      .sort();
    if (ctx.options.quick) pages = pages.filter((_, i) => i % 3 === 0);
    const { origin, server } = await serveFolders({ '/': pagesDir });
    const browser = await launchWithExtension({ args: OFFLINE_ARGS });
    const firstHighlight: number[] = [];
    const perPage: { name: string; firstHighlightMs: number | null; marks: number; longTasks: number }[] = [];
    let longTasks = 0;
    try {
      process.stderr.write('  waiting for the knowledge base install…\n');
      const warm = await browser.context.newPage();
      await warm.goto(`${origin}/${pages[0]}`);
      await waitForKbInstalled(browser.worker, 150_000);
      await warm.close();
      for (const [i, name] of pages.entries()) {
        if (i % 10 === 0) process.stderr.write(`  page ${i + 1}/${pages.length}…\n`);
        const page = await browser.context.newPage();
        try {
          await instrumentPage(page);
          const url = `${origin}/${name}`;
          await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
          await waitForPageRead(browser.worker, url);
          const m = await readPageMetrics(page);
          const ms = m.firstMark !== null && m.domContentLoaded !== null ? m.firstMark - m.domContentLoaded : null;
          if (ms !== null) firstHighlight.push(ms);
          const after = m.longTasks.filter((t) => t.start >= (m.domContentLoaded ?? 0)).length;
          longTasks += after;
          perPage.push({ name, firstHighlightMs: ms, marks: m.marksAdded, longTasks: after });
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.context.close();
      server.close();
    }
    const gzip = gzipSync(readFileSync(contentScript), { level: 9 }).length;
    const p95 = percentile(firstHighlight, 0.95);
    return [
      {
        metric: 'DOMContentLoaded → first highlight, median',
        unit: 'ms',
        backstory: median(firstHighlight),
        note: `${firstHighlight.length} of ${pages.length} pages got marks`,
        details: { perPage },
      },
      {
        metric: 'DOMContentLoaded → first highlight, p95',
        unit: 'ms',
        backstory: p95,
        note: `max ${Math.round(Math.max(...firstHighlight))} ms`,
      },
      {
        metric: 'long tasks after DOMContentLoaded (any cause)',
        unit: 'count',
        backstory: longTasks,
        note: 'page and extension together; tests/e2e/eval-pages.e2e.ts attributes them',
      },
      {
        metric: 'content script, gzip',
        unit: 'kB',
        backstory: gzip / 1000,
        target: atMost(gzip / 1000, CONTENT_SCRIPT_GZIP_LIMIT / 1000, 'kB'),
      },
    ];
  },
};
