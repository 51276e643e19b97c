import { defineConfig } from 'vitest/config'

// Tests drive the CLI's main() in-process (tests/helpers.ts runCli), the bin as a child process where a
// real process matters (runBin), a real Chromium and real files. Each file runs in its own process
// (forks), so runCli's changes of working folder and environment stay inside one file.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
