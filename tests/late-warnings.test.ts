import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, seedCopy } from './helpers.js'

describe('what a build finds while rendering', () => {
  it('is a warning, and under --strict an error that fails the run (exit 5 for the theme)', async () => {
    const dir = seedCopy()
    const plain = await runCli(['build', '--theme', 'even', '--format', 'html', '-o', 'out'], { cwd: dir })
    expect(plain.code, plain.stderr).toBe(0)
    expect(plain.stderr).toContain('warning[REMOTE_REFUSED]')
    const strict = await runCli(['build', '--theme', 'even', '--format', 'html', '--strict', '-o', 'out'], { cwd: dir })
    expect(strict.code).toBe(5)
    expect(strict.stderr).toContain('error[REMOTE_REFUSED]')
  })

  it('page images an earlier, longer build left are removed; other files stay', async () => {
    const dir = seedCopy()
    const r0 = await runCli(['build', '--format', 'html', '-o', 'out'], { cwd: dir })
    expect(r0.code).toBe(0)
    writeFileSync(join(dir, 'out/resume-2.png'), 'old page')
    writeFileSync(join(dir, 'out/resume-notes.png'), 'not a page')
    const r = await runCli(['build', '--format', 'png', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(existsSync(join(dir, 'out/resume-1.png'))).toBe(true)
    expect(existsSync(join(dir, 'out/resume-2.png'))).toBe(false)
    expect(existsSync(join(dir, 'out/resume-notes.png'))).toBe(true)
    expect(existsSync(join(dir, 'out/resume.html'))).toBe(true)
  })
})
