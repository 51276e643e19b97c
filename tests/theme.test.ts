import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, runCli, seedCopy } from './helpers.js'

/** A copy of the classic theme beside a seed copy, as `templates/mine`, for a test to break. */
function ownTheme(): { dir: string; theme: string } {
  const dir = seedCopy()
  const theme = join(dir, 'templates/mine')
  cpSync(join(ROOT, 'templates/classic'), theme, { recursive: true })
  const manifest = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8'))
  writeFileSync(join(theme, 'theme.json'), JSON.stringify({ ...manifest, name: 'mine' }))
  return { dir, theme }
}

describe('themes', () => {
  it('a theme beside the resume is found by name and used', async () => {
    const { dir, theme } = ownTheme()
    writeFileSync(join(theme, 'style.css'), `${readFileSync(join(theme, 'style.css'), 'utf8')}\n/* mine-marker */\n`)
    const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', 'mine'], { cwd: dir })
    expect(code, stderr).toBe(0)
    expect(readFileSync(join(dir, 'dist/resume.html'), 'utf8')).toContain('/* mine-marker */')
  })

  it('the shipped theme precompiled at install renders exactly what a run-time compile of it does', async () => {
    const dir = seedCopy()
    cpSync(join(ROOT, 'templates/classic'), join(dir, 'templates/classic'), { recursive: true })
    const own = await runCli(['build', '--format', 'html', '-o', 'own'], { cwd: dir }) // compiled at run time
    const shipped = await runCli(['build', '--format', 'html', '-o', 'shipped', '--theme', join(ROOT, 'templates/classic')], { cwd: dir })
    expect(own.code, own.stderr).toBe(0)
    expect(shipped.code, shipped.stderr).toBe(0)
    expect(existsSync(join(ROOT, 'lib/precompiled/classic.js'))).toBe(true)
    expect(readFileSync(join(dir, 'own/resume.html'), 'utf8')).toBe(readFileSync(join(dir, 'shipped/resume.html'), 'utf8'))
  })

  it('an unknown theme is exit 5 and names the shipped ones', async () => {
    const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', 'nope'], { cwd: seedCopy() })
    expect(code).toBe(5)
    expect(stderr).toContain('error[THEME]: no theme named nope')
    expect(stderr).toMatch(/vitae ships: (\w+, )*classic/)
  })

  it('a template syntax error is exit 5 at the partial file and line', async () => {
    const { dir, theme } = ownTheme()
    writeFileSync(join(theme, 'partials/entry.hbs'), '<article>\n  {{#if title}}\n</article>\n')
    const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', 'mine'], { cwd: dir })
    expect(code).toBe(5)
    expect(stderr).toMatch(/templates\/mine\/partials\/entry\.hbs:\d+: error\[TEMPLATE\]/)
    expect(stderr).toContain('the problem is in the theme, not in your resume')
  })

  it('a theme may not read files outside its folder', async () => {
    const { dir, theme } = ownTheme()
    const manifest = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8'))
    writeFileSync(join(theme, 'theme.json'), JSON.stringify({ ...manifest, styles: ['../../resume.yaml'] }))
    const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', 'mine'], { cwd: dir })
    expect(code).toBe(5)
    expect(stderr).toContain('outside its folder')
  })
})

describe('output', () => {
  it('an output folder that cannot be written is exit 7', async () => {
    const dir = seedCopy()
    writeFileSync(join(dir, 'blocker'), 'a file where the folder should be')
    const { code, stderr } = await runCli(['build', '--format', 'html', '--out', 'blocker/dist'], { cwd: dir })
    expect(code).toBe(7)
    expect(stderr).toContain('error[WRITE_FAILED]: cannot write blocker/dist/resume.html')
  })

  it('writes leave no temporary files behind', async () => {
    const dir = seedCopy()
    mkdirSync(join(dir, 'dist'))
    expect((await runCli(['build', '--format', 'html'], { cwd: dir })).code).toBe(0)
    expect(readdirSync(join(dir, 'dist'))).toEqual(['resume.html'])
  })
})
