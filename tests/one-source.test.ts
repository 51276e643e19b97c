import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../src/renderers/registry.js'
import { ROOT, runCli, seedCopy } from './helpers.js'

/**
 * Facts that used to be written in several places, and disagreed: each is now decided once, so
 * every way of reaching it behaves the same.
 */
describe('one source for each domain fact', () => {
  it.each([['html'], ['docx'], ['pdf']])('margins that leave no room are exit 2 from --margin for %s, as exit 4 from meta.margins', async (format) => {
    const dir = seedCopy()
    const flag = await runCli(['build', '--format', format, '--margin', '5in', '-o', 'out'], { cwd: dir })
    expect(flag.code, flag.stderr).toBe(2)
    expect(flag.stderr).toContain('--margin leaves less than an inch of the Letter page for text')
    expect(existsSync(join(dir, 'out'))).toBe(false)

    const yaml = readFileSync(join(dir, 'resume.yaml'), 'utf8').replace(/^meta:\n/m, 'meta:\n  margins: 5in\n')
    writeFileSync(join(dir, 'resume.yaml'), yaml)
    const file = await runCli(['build', '--format', format, '-o', 'out'], { cwd: dir })
    expect(file.code, file.stderr).toBe(4)
    expect(file.stderr).toMatch(/resume\.yaml:\d+:\d+: error\[RANGE\]: the margins leave less than an inch/)
  })

  it('a theme whose margins leave no room is exit 5 naming the theme', async () => {
    const dir = seedCopy()
    const theme = join(dir, 'templates/wide')
    cpSync(join(ROOT, 'templates/classic'), theme, { recursive: true })
    const manifest = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8'))
    writeFileSync(join(theme, 'theme.json'), JSON.stringify({ ...manifest, name: 'wide', page: { margins: { left: '4.5in', right: '4in' } } }))
    const { code, stderr } = await runCli(['build', '--format', 'html', '--theme', 'wide', '-o', 'out'], { cwd: dir })
    expect(code, stderr).toBe(5)
    expect(stderr).toContain("the theme wide's page.margins leave less than an inch of the Letter page for text")
  })

  it('.5in is a length to the schema as it is to --margin', async () => {
    const dir = seedCopy()
    writeFileSync(join(dir, 'resume.yaml'), readFileSync(join(dir, 'resume.yaml'), 'utf8').replace(/^meta:\n/m, 'meta:\n  margins: .5in\n'))
    const { code, stderr } = await runCli(['validate'], { cwd: dir })
    expect(code, stderr).toBe(0)
  })

  it('a theme shows every section, also one its manifest does not list', async () => {
    const dir = seedCopy()
    const theme = join(dir, 'templates/short')
    cpSync(join(ROOT, 'templates/classic'), theme, { recursive: true })
    const { sections: _, ...manifest } = JSON.parse(readFileSync(join(theme, 'theme.json'), 'utf8'))
    writeFileSync(join(theme, 'theme.json'), JSON.stringify({ ...manifest, name: 'short', sections: ['skills', 'work'] }))
    // The resume leaves the order to the theme.
    writeFileSync(join(dir, 'resume.yaml'), readFileSync(join(dir, 'resume.yaml'), 'utf8').replace(/^ {2}sections: .*\n/m, ''))
    const { code, stderr } = await runCli(['build', '--format', 'txt', '--theme', 'short', '-o', 'out'], { cwd: dir })
    expect(code, stderr).toBe(0)
    const text = readFileSync(join(dir, 'out/resume.txt'), 'utf8')
    // Its own order first, then the rest in vitae's order: education and projects are not hidden.
    const at = (heading: string) => text.search(new RegExp(`^${heading}`, 'im'))
    expect(at('Skills')).toBeGreaterThan(-1)
    expect(at('Skills')).toBeLessThan(at('Experience'))
    expect(at('Experience')).toBeLessThan(at('Education'))
    expect(at('Projects')).toBeGreaterThan(-1)
  })

  it('--help names every format the registry has and the exit codes of the one table', async () => {
    const { code, stdout } = await runCli(['build', '--help'])
    expect(code).toBe(0)
    expect(stdout.replace(/\s+/g, ' ')).toContain(`formats to build, comma-separated: ${FORMATS.join(', ')}`)
    const top = await runCli(['--help'])
    expect(top.stdout).toContain('Exit codes: 0 ok, 2 usage, 3 input, 4 validation, 5 theme, 6 render, 7 output, 1 internal error.')
  })
})
