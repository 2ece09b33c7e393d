import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{events,packages,services,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/strapi/**'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
