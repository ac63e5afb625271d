import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const GECKO_ID = 'backstory@backstory.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'Highlights the places and actors in news articles and shows their background, offline and private.',
    permissions: ['storage'],
    action: { default_title: 'Backstory' },
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
});
