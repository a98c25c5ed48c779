import { defineConfig } from 'vitest/config';

// One graphql module instance for type-graphql, Apollo and the tests (TOOLCHAIN.md gotcha 2).
const alias = [{ find: /^graphql$/, replacement: 'graphql/index.js' }];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            '{apps,packages}/*/src/**/*.test.{ts,tsx}',
            'apps/web/*.test.ts',
            '{scripts,chaos,bench}/**/*.test.ts',
            'deploy/**/*.test.ts',
            // The e2e helpers' own unit tests; the whole-stack tests there are integration tests.
            'e2e/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['{apps,packages}/*/src/**/*.int.test.ts', 'scripts/**/*.int.test.ts', 'e2e/**/*.e2e.test.ts'],
          globalSetup: ['tooling/vitest.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
