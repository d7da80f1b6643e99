import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'server/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Child-process tests start `runmap` under tsx, which takes seconds on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
