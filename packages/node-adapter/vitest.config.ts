import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // SoftHSM, pdfsig and key generation on two busy cores: generous limits, no assertion on speed
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
