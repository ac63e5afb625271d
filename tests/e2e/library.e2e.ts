import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { OFFLINE_ARGS, ROOT, screenshot, useExtensionBrowser, waitForPageRead, waitForTabState } from './harness';

const ARTICLE_PATH = '/news/us-forces-evacuate-syria-bases.html';
const TABLES = ['articles', 'savedPages', 'notes', 'corrections', 'entities'] as const;

// Offline except for the local server: the library must not need the network (and the test must not wait on it).
const env = useExtensionBrowser({ '/': join(ROOT, 'tests/fixtures/site') }, { args: OFFLINE_ARGS });

/** Every record of the reader's tables (entities: only the reader's own), read in the service worker. */
async function dump(worker: Worker): Promise<Record<string, unknown[]>> {
  return worker.evaluate(
    (tables) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...tables], 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of tables) {
            const get = tx.objectStore(name).getAll();
            get.onsuccess = () => {
              out[name] =
                name === 'entities'
                  ? (get.result as { origin: string }[]).filter((e) => e.origin === 'user')
                  : get.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...TABLES],
  );
}

/** Runs writes on the extension's IndexedDB from the service worker: `[store, op, value]` each. */
async function write(worker: Worker, ops: [string, 'put' | 'add' | 'clear' | 'delete', unknown?][]): Promise<void> {
  await worker.evaluate(
    (ops) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...new Set(ops.map((o) => o[0]))], 'readwrite');
          for (const [store, op, value] of ops) {
            const s = tx.objectStore(store);
            if (op === 'clear') s.clear();
            else if (op === 'delete') s.delete(value as IDBValidKey);
            else s[op](value);
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    ops,
  );
}

async function openLibrary(path = 'library.html'): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(`chrome-extension://${env.browser.extensionId}/${path}`, { waitUntil: 'domcontentloaded' });
  return page;
}

async function exportFile(library: Page): Promise<string> {
  const [download] = await Promise.all([library.waitForEvent('download'), library.click('button.export')]);
  const path = join(tmpdir(), `backstory-export-${Date.now()}.json`);
  await download.saveAs(path);
  return path;
}

describe('the library', () => {
  let articleId = '';

  test('the seed article is saved from the popup, and saving again updates it instead of adding one', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.origin + ARTICLE_PATH, { waitUntil: 'domcontentloaded' });
    await waitForPageRead(env.browser.worker, page.url());
    const { tabId } = await waitForTabState(env.browser.worker, page.url());
    const popup = await env.browser.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.click('button.save');
    await popup.waitForSelector('.saved', { timeout: 20_000 });
    expect(await popup.textContent('.saved')).toContain('Saved to the library: US Forces Evacuate');
    await popup.click('button.save');
    await popup.waitForFunction(() => document.querySelector('.saved')?.textContent?.startsWith('Updated'));
    const saved = await dump(env.browser.worker);
    expect(saved.savedPages).toHaveLength(1);
    const record = saved.savedPages[0] as { id: string; html: string; lang?: string; publishedAt?: string };
    articleId = record.id;
    expect(articleId).toBe(env.origin + ARTICLE_PATH);
    // Readability's copy, without the page's scripts or our highlight wrappers.
    expect(record.html).toContain('Hemo');
    expect(record.html).not.toContain('bs-mention');
    expect(record.html).not.toMatch(/<script/i);
    expect(record).toMatchObject({ lang: 'en', publishedAt: '2024-01-17T19:32:00+05:30' });
    const article = (saved.articles as { id: string; savedAt?: number; entityIds: string[] }[]).find(
      (a) => a.id === articleId,
    );
    expect(article?.savedAt).toBeGreaterThan(0);
    expect(article?.entityIds.length).toBeGreaterThan(3);
    await popup.close();
    await page.close();
  });

  test('offline, the library finds it by a body word and shows it in reader view with its names marked', async () => {
    env.server.close();
    env.server.closeAllConnections();
    const library = await openLibrary();
    await library.waitForSelector('.item');
    // Diacritics in the query do not matter ("Ḩasakeh" finds "al-Hasakeh"); the last word matches as a prefix.
    await library.fill('input.search', 'Ḩasakeh evacu');
    await library.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('1 found'));
    await library.fill('input.search', 'kamishla');
    await library.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('1 found'));
    await library.fill('input.search', 'nowhere-to-be-found');
    await library.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('0 found'));
    await library.fill('input.search', 'hemo');
    await library.waitForSelector('.item a.title');
    await screenshot(library, 'library-list');
    await library.click('.item a.title');
    await library.waitForSelector('.reader-body bs-mention', { timeout: 20_000 });
    const marks = await library.$$eval('.reader-body bs-mention', (els) => els.map((e) => e.textContent));
    expect(marks).toEqual(expect.arrayContaining(['Hemo', 'Iran']));
    // The side panel follows the reader tab: its state points at the saved article.
    const { state } = await waitForTabState(env.browser.worker, articleId);
    expect(state).toMatchObject({ status: 'article', articleId });
    // Offline by default: no remote image is requested, no link opens in this tab.
    expect(await library.$$eval('.reader-body img[src]', (els) => els.length)).toBe(0);
    const targets = await library.$$eval('.reader-body a[href]', (els) => els.map((a) => a.getAttribute('target')));
    expect(targets.every((t) => t === '_blank')).toBe(true);
    await screenshot(library, 'library-reader');
    await library.close();
  });

  test('export, wipe and import bring back the library, its tags and the notes exactly', async () => {
    const library = await openLibrary();
    await library.waitForSelector('.item');
    await library.click('.item .edit-tags');
    await library.fill('.item .tag-input', 'Syria, bases , syria');
    await library.press('.item .tag-input', 'Enter');
    await library.waitForSelector('.item .tag');
    expect(await library.$$eval('.item .tag', (els) => els.map((e) => e.textContent))).toEqual(['#syria', '#bases']);
    await write(env.browser.worker, [
      ['notes', 'add', { entityId: 'Q858', articleId, text: 'Hemo base: check the date.', createdAt: 1, updatedAt: 2 }],
      ['corrections', 'add', { key: 'hemo', action: 'not-entity', surface: 'Hemo', createdAt: 3 }],
      [
        'entities',
        'put',
        {
          id: 'user:hemo',
          kind: 'place',
          subtype: 'base',
          name: 'Hemo base',
          aliases: ['Hemo'],
          source: 'reader',
          origin: 'user',
          updatedAt: 4,
        },
      ],
    ]);
    const before = await dump(env.browser.worker);
    const file = await exportFile(library);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'backstory-library', version: 1 });

    await write(
      env.browser.worker,
      [...TABLES, 'searchIndex'].map((t) => [t, 'clear'] as [string, 'clear']),
    );
    await library.reload();
    await library.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('Nothing saved'));

    await library.setInputFiles('.import input[type=file]', file);
    await library.waitForSelector('.notice', { timeout: 30_000 });
    expect(await library.textContent('.notice')).toContain('1 articles, 1 notes, 1 corrections, 1 entries');
    expect(await dump(env.browser.worker)).toEqual(before);
    await library.waitForSelector('.item .tag');
    // Importing the same file again adds nothing.
    await library.setInputFiles('.import input[type=file]', file);
    await library.waitForFunction(() => document.querySelector('.notice')?.textContent?.includes('0 articles new'));
    expect(await dump(env.browser.worker)).toEqual(before);
    // And the search index was rebuilt from the imported articles.
    await library.fill('input.search', 'tasnim');
    await library.waitForFunction(() => document.querySelector('.summary')?.textContent?.startsWith('1 found'));
    await library.close();
  });

  test('a damaged or foreign file is refused with a clear error and changes nothing', async () => {
    const library = await openLibrary();
    await library.waitForSelector('.item');
    const before = await dump(env.browser.worker);
    const good = readFileSync(await exportFile(library), 'utf8').split('\n');
    // The saved copy's line, after the articles section: a damaged record there must keep the articles before it
    // from being written too.
    const page = good.findIndex((line) => line.includes('"html":'));
    expect(page).toBeGreaterThan(2);
    const cut = [...good.slice(0, page), good[page].slice(0, 60), ...good.slice(page + 1)].join('\n');
    const cases: [string, string, RegExp][] = [
      ['cut.json', cut, new RegExp(`line ${page + 1}: the file is damaged`)],
      ['foreign.json', JSON.stringify({ bookmarks: [{ url: 'https://example.com' }] }), /not a Backstory library/],
      ['newer.json', good.join('\n').replace('"version":1', '"version":9'), /newer Backstory/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(tmpdir(), `${Date.now()}-${name}`);
      writeFileSync(path, content);
      await library.setInputFiles('.import input[type=file]', path);
      await library.waitForSelector('.storage .error');
      expect(await library.textContent('.storage .error')).toMatch(message);
      expect(await dump(env.browser.worker)).toEqual(before);
    }
    await screenshot(library, 'library-import-error');
    await library.close();
  });

  test('a hostile saved page renders inert: no script runs, no handler, no javascript: link, no remote image', async () => {
    const hostileId = 'https://hostile.example/story';
    const html =
      '<div><p>Erbil <img src="https://tracker.example/pixel.gif" onerror="window.__pwned = 1">' +
      '<a href="javascript:window.__pwned=2">click</a> <a href="https://hostile.example/more" onclick="window.__pwned=3">more</a></p>' +
      '<script>window.__pwned = 4</script><iframe src="https://hostile.example/frame"></iframe>' +
      '<form action="https://hostile.example/steal"><input name="q"></form>' +
      '<svg onload="window.__pwned=5"></svg><p style="position:fixed">Baghdad</p></div>';
    await write(env.browser.worker, [
      [
        'articles',
        'put',
        {
          id: hostileId,
          url: hostileId,
          title: 'Hostile',
          site: 'hostile.example',
          text: 'Erbil click more Baghdad',
          visitedAt: 1,
          savedAt: 1,
          entityIds: [],
          tags: [],
          names: [],
        },
      ],
      ['savedPages', 'put', { id: hostileId, html, savedAt: 1, updatedAt: 1 }],
    ]);
    const requests: string[] = [];
    const reader = await env.browser.context.newPage();
    reader.on('request', (r) => requests.push(r.url()));
    await reader.goto(
      `chrome-extension://${env.browser.extensionId}/library.html?article=${encodeURIComponent(hostileId)}`,
    );
    await reader.waitForSelector('.reader-body p');
    await reader.waitForTimeout(500);
    const found = await reader.evaluate(() => {
      const body = document.querySelector('.reader-body') as HTMLElement;
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        handlers: [...body.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => a.name.startsWith('on') || a.name === 'style').map((a) => a.name),
        ),
        hrefs: [...body.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        dangerous: body.querySelectorAll('script, iframe, form, input, svg').length,
        imgSrc: [...body.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      };
    });
    expect(found).toEqual({
      pwned: null,
      handlers: [],
      hrefs: [null, 'https://hostile.example/more'],
      dangerous: 0,
      imgSrc: [null],
    });
    expect(requests.filter((u) => !u.startsWith('chrome-extension:'))).toEqual([]);
    await reader.close();
  });
});
