import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, screenshot, textBeforeAndAfter, useExtensionBrowser, waitForPageRead, waitForTabState } from './harness';

interface GoldEntity {
  kind: string;
  names: string[];
  forms: string[];
  optional?: string[];
  link?: boolean;
}
const SEED_DIR = join(ROOT, '../shared/eval/seed');
const gold: { entities: GoldEntity[] } = JSON.parse(readFileSync(join(SEED_DIR, 'gold.json'), 'utf8'));
const ARTICLE_PATH = '/news/us-forces-evacuate-syria-bases.html';

const env = useExtensionBrowser();

describe('the seed article as a news page', () => {
  test('every gold place and actor in the article body is highlighted with its kind', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.origin + ARTICLE_PATH);
    await waitForPageRead(env.browser.worker, page.url());
    const problems = await page.evaluate((entities) => {
      const body = document.querySelector('.article-body');
      if (!body) return ['no article body'];
      const text = body.textContent ?? '';
      const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
      // Map each character of the body's text to the kind and text of the mention around it.
      const kinds: (string | null)[] = [];
      const marks: string[] = [];
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const mark = (n.parentElement as Element).closest('bs-mention');
        const kind = mark ? mark.getAttribute('data-bs-kind') : null;
        for (let i = 0; i < (n.textContent ?? '').length; i++) {
          kinds.push(kind);
          marks.push(mark?.textContent ?? '');
        }
      }
      // As score-seed.mjs: a form inside a longer optional form of another entity ("US" in "US Consulate") is neutral.
      const longerForms = new Set(entities.flatMap((e) => [...e.forms, ...(e.optional ?? [])]));
      const out: string[] = [];
      for (const entity of entities) {
        for (const form of entity.forms) {
          for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
            if (isWord(text[i - 1]) || isWord(text[i + form.length])) continue;
            const covered = kinds.slice(i, i + form.length);
            if (covered.every((k) => k === entity.kind)) continue;
            if (longerForms.has(marks[i]) && marks[i].length > form.length) continue;
            out.push(`${form}@${i}: ${covered[0] ?? 'none'}`);
          }
        }
      }
      return out;
    }, gold.entities);
    await screenshot(page, 'seed-article');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the page text is exactly the same after highlighting', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.origin + ARTICLE_PATH);
    await waitForPageRead(env.browser.worker, page.url());
    const { served, now } = await textBeforeAndAfter(page);
    expect(now).toBe(served);
    await page.close();
  });

  test('the side panel lists the seed article entities grouped by kind', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.origin + ARTICLE_PATH);
    await waitForPageRead(env.browser.worker, page.url());
    const { tabId } = await waitForTabState(env.browser.worker, page.url());
    const panel = await env.browser.context.newPage();
    await panel.setViewportSize({ width: 380, height: 900 });
    await panel.goto(`chrome-extension://${env.browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.groups');
    const listed = await panel.$$eval('.entity', (els) =>
      els.map((el) => ({ name: el.querySelector('.name')?.textContent ?? '', kind: el.className })),
    );
    const missing = gold.entities
      .filter((e) => e.forms.length > 0)
      .filter(
        (e) =>
          !listed.some(
            (l) => l.kind.includes(`kind-${e.kind}`) && (e.names.includes(l.name) || e.forms.includes(l.name)),
          ),
      )
      .map((e) => e.names[0]);
    expect(missing).toEqual([]);
    await panel.click('.entity.kind-person >> nth=0');
    await panel.waitForSelector('.detail');
    await screenshot(panel, 'side-panel');
    await panel.close();
    await page.close();
  });
});

describe('pages that are not articles', () => {
  for (const [name, path] of [
    ['home page with teasers', '/'],
    ['search results page', '/search.html?q=syria'],
  ]) {
    test(`the ${name} gets no highlights`, async () => {
      const page = await env.browser.context.newPage();
      await page.goto(env.origin + path);
      const { state } = await waitForTabState(env.browser.worker, page.url());
      expect(state.status).toBe('not-article');
      expect(await page.locator('bs-mention').count()).toBe(0);
      await screenshot(page, name.replace(/\W+/g, '-'));
      await page.close();
    });
  }
});
