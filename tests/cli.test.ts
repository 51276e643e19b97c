import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, runCli } from './helpers.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }

describe('the resume command', () => {
  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version'])
    expect(code).toBe(0)
    expect(stdout.trim()).toBe(pkg.version)
  })

  it('--help lists the commands and the exit codes', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/build \[options\] \[files\.\.\.\]/)
    expect(stdout).toMatch(/validate \[options\] \[file\]/)
    expect(stdout).toContain('4 validation')
  })

  it('an unknown command is a usage error (exit 2) with a suggestion', async () => {
    const { code, stderr } = await runCli(['biuld'])
    expect(code).toBe(2)
    expect(stderr).toContain('(Did you mean build?)')
  })

  it('an unknown flag or a bad flag value is exit 2', async () => {
    expect((await runCli(['build', '--colour'])).code).toBe(2)
    expect((await runCli(['build', '--page', 'a5'])).code).toBe(2)
    expect((await runCli(['build', '--timeout', 'soon'])).code).toBe(2)
    const margin = await runCli(['build', '--margin', 'wide'])
    expect(margin.code).toBe(2)
    expect(margin.stderr).toContain('--margin "wide" is not a margin')
    const format = await runCli(['build', '--format', 'rtf'])
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('unknown format rtf')
  })

  it('validate accepts the seed resume with no warnings', async () => {
    const { code, stderr } = await runCli(['validate'])
    expect(code).toBe(0)
    expect(stderr).toContain('resume.yaml: valid (0 errors, 0 warnings)')
  })
})
