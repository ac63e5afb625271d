import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Debian's Chromium, one browser for the whole run.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
