import { defineConfig } from 'vitest/config'

// Tests drive the compiled CLI (`npm test` builds first), a real Chromium and real files.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
