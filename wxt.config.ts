import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const GECKO_ID = 'backstory@backstory.example';
/**
 * Extension pages run only our own bundled scripts, embed no plugins and fetch nothing but our own files
 * (the knowledge base): no remote code, and no request leaves the device from a page or the worker.
 */
export const EXTENSION_CSP = "script-src 'self'; object-src 'self'; connect-src 'self'";

export default defineConfig({
  // BACKSTORY_OUT_DIR lets two builds run side by side (the e2e tests read the same variable).
  outDir: process.env.BACKSTORY_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'Highlights the places and actors in news articles and shows their background, offline and private.',
    // contextMenus: the "Save to Backstory library" item on pages. No host permissions: saving asks our
    // content script for the page, and the library is an extension page.
    permissions: ['storage', 'contextMenus'],
    content_security_policy: browser === 'firefox' ? EXTENSION_CSP : { extension_pages: EXTENSION_CSP },
    action: { default_title: 'Backstory' },
    // A manifest key, not a permission. The id is TOGGLE_PAGE_COMMAND in lib/background/commands.ts.
    commands: {
      'toggle-page-highlights': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Turn highlights on this page off or on',
      },
      // SAVE_ARTICLE_COMMAND in lib/background/commands.ts.
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save this article to the Backstory library',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script runs on every page the reader opens, so it goes without the polyfill: Chrome's MV3
    // APIs return promises and Firefox has `browser` natively, and in Chrome the polyfill's CommonJS interop
    // materializes every chrome.* namespace at start-up (about 15 ms of each page's main thread, measured
    // with a CPU profile). Background and extension pages keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      const alias = config.resolve?.alias;
      if (entrypoints.every((e) => e.type === 'content-script') && alias && !Array.isArray(alias)) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
});
