/**
 * The Firefox build (MV2): the same side panel as Chrome's, as the sidebar, with the same pages and no more
 * permissions; and Mozilla's own linter (web-ext lint) finds no error in it. `npm test` builds it first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OUTPUT_DIR, ROOT } from './harness';

const FIREFOX_DIR = join(OUTPUT_DIR, 'firefox-mv2');
const manifest = () => JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));

/** The scripts an extension page loads, relative to the build folder. */
function scriptsOf(page: string): string[] {
  const html = readFileSync(join(FIREFOX_DIR, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''));
}

describe('the Firefox build', () => {
  test('has the side panel as its sidebar, and the popup and library pages, each with its scripts', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(2);
    expect(m.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(m.browser_action?.default_popup).toBe('popup.html');
    for (const page of ['sidepanel.html', 'popup.html', 'library.html']) {
      expect(existsSync(join(FIREFOX_DIR, page)), page).toBe(true);
      const scripts = scriptsOf(page);
      expect(scripts.length, `${page} loads a script`).toBeGreaterThan(0);
      for (const script of scripts) expect(existsSync(join(FIREFOX_DIR, script)), script).toBe(true);
    }
    expect(existsSync(join(FIREFOX_DIR, 'kb/kb.json.gz'))).toBe(true);
  });

  test('asks for no host permission and nothing beyond storage and the context menu', () => {
    const m = manifest();
    expect([...m.permissions].sort()).toEqual(['contextMenus', 'storage']);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.content_security_policy).toBe("script-src 'self'; object-src 'self'; connect-src 'self'");
  });

  test('passes web-ext lint without errors', () => {
    const bin = join(ROOT, 'node_modules/.bin/web-ext');
    let out: string;
    try {
      out = execFileSync(bin, ['lint', '--source-dir', FIREFOX_DIR, '--self-hosted', '--output', 'json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      out = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(out.slice(out.indexOf('{')));
    expect(report.errors.map((e: { code: string; file?: string }) => `${e.code} ${e.file ?? ''}`)).toEqual([]);
  }, 120_000);
});
