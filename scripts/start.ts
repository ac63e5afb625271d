// `npm start`: builds the extension, serves the bundled demo news article on 127.0.0.1 and opens
// Chromium with Backstory loaded on it. Without a display it runs headless and writes screenshots.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchWithExtension, ROOT, serveFolders, waitForTabState } from './lib/chromium';

const DEMO_PATH = '/news/us-forces-evacuate-syria-bases.html';
const SHOTS = join(ROOT, 'test-artifacts/start');

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install chromium)`);
  console.error('or set CHROMIUM_PATH. Branded Google Chrome 137+ ignores --load-extension: use Chromium.');
  process.exit(1);
}
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: ROOT });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { origin, server } = await serveFolders({ '/': join(ROOT, 'tests/fixtures/site') });
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
const browser = await launchWithExtension({ headless: !headed });
const page = await browser.context.newPage();
await page.goto(origin + DEMO_PATH);
console.log(`Demo article: ${origin}${DEMO_PATH}`);

if (headed) {
  const { tabId } = await waitForTabState(browser.worker, page.url());
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  await page.bringToFront();
  console.log('Chromium is open with Backstory loaded. The side panel is open in the second tab');
  console.log('(or click the Backstory toolbar button). Close the browser or press Ctrl+C to stop.');
  browser.context.on('close', () => {
    server.close();
    process.exit(0);
  });
} else {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForSelector('bs-mention', { timeout: 20_000 });
  await page.screenshot({ path: join(SHOTS, 'article.png') });
  const { tabId } = await waitForTabState(browser.worker, page.url());
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.waitForSelector('.groups');
  await panel.click('.entity >> nth=0');
  await panel.waitForSelector('.detail .description, .detail .role, .detail .meta');
  await panel.screenshot({ path: join(SHOTS, 'side-panel.png') });
  const marks = await page.locator('bs-mention').count();
  console.log(`No display found, so Chromium ran headless: ${marks} names highlighted.`);
  console.log(
    `Screenshots: ${join('test-artifacts/start', 'article.png')} and ${join('test-artifacts/start', 'side-panel.png')}`,
  );
  await browser.context.close();
  server.close();
}
