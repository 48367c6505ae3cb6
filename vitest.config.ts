// Vitest: the default file discovery (test/**/*.test.ts). Property tests and browser tests run
// thousands of cases; on a busy 2-core machine a 5 s default per test is too tight.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
