// Unit tests run in parallel; the end-to-end suites build real sites, so they get long timeouts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
    env: { TZ: 'UTC' },
  },
});
