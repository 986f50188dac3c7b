/**
 * The fast loop: unit tests of the pure modules, beside their sources (src/**\/*.test.ts). No
 * PostgreSQL, no Chromium, no build: `npm run test:unit`. The whole suite (integration against
 * both stores, end-to-end in Chromium) is `npm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'threads',
    setupFiles: ['test/setup-home.ts'],
    testTimeout: 60_000,
  },
});
