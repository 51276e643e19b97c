import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, runCli, tempDir } from './helpers.js'

/** Bounds that hold for code and files from outside (issue 24); times are the bench's, not asserted here. */

describe('resume import writes only regular files', () => {
  const input = join(FIXTURES, 'import/legacy-jsonresume.json')

  it('refuses a FIFO even with --force, and leaves it a FIFO', async () => {
    const dir = tempDir()
    const fifo = join(dir, 'pipe.yaml')
    execFileSync('mkfifo', [fifo])
    const r = await runCli(['import', input, '-o', fifo, '--force'], { timeoutMs: 20_000 })
    expect(r.code, r.stderr).toBe(7)
    expect(r.stderr).toContain('error[WRITE_FAILED]')
    expect(r.stderr).toContain('a FIFO')
    expect(statSync(fifo).isFIFO()).toBe(true)
  })

  it('refuses a folder, and creates missing folders for a new file', async () => {
    const dir = tempDir()
    const r = await runCli(['import', input, '-o', dir, '--force'])
    expect(r.code, r.stderr).toBe(7)
    expect(r.stderr).toContain('is a folder')
    const nested = join(dir, 'a/b/resume.yaml')
    const ok = await runCli(['import', input, '-o', nested])
    expect(ok.code, ok.stderr).toBe(0)
    expect(readFileSync(nested, 'utf8')).toContain('basics:')
    expect(existsSync(join(dir, 'a/b'))).toBe(true)
  })
})
