/** The content script runs on every page the reader opens: its size is budgeted, and checked on the build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { EXTENSION_DIR } from './harness';

const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts/content.js');
/** 30 kB gzip (30,000 bytes): parsing and compiling more on every page load shows up in long tasks. */
const GZIP_LIMIT = 30_000;

test('the built content script is at most 30 kB gzipped', () => {
  const size = gzipSync(readFileSync(CONTENT_SCRIPT), { level: 9 }).length;
  console.log(`content script: ${size} bytes gzip`);
  expect(size).toBeLessThanOrEqual(GZIP_LIMIT);
});

test('the content script is built without webextension-polyfill (wxt.config.ts drops it for content scripts)', () => {
  // In Chrome the polyfill's module interop materialized every chrome.* namespace at start-up: about 15 ms
  // of each page's main thread.
  expect(readFileSync(CONTENT_SCRIPT, 'utf8')).not.toMatch(/webextension-polyfill|This script should only be loaded/);
});

test('the manifest asks only for storage, the side panel and the context menu, and declares its commands', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect([...manifest.permissions].sort()).toEqual(['contextMenus', 'sidePanel', 'storage']);
  expect(manifest.host_permissions).toBeUndefined();
  expect(manifest.commands['toggle-page-highlights'].suggested_key.default).toBe('Alt+Shift+B');
  expect(manifest.commands['save-article'].suggested_key.default).toBe('Alt+Shift+S');
  expect(manifest.action.default_popup).toBe('popup.html');
  // A content security policy: our own scripts only, no plugins, no requests but to our own files.
  expect(manifest.content_security_policy.extension_pages).toBe(
    "script-src 'self'; object-src 'self'; connect-src 'self'",
  );
});
