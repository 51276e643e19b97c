import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, runCli, seedCopy } from './helpers.js'

/** A copy of the seed with a copy of classic beside it, its manifest edited by `edit`. */
function withTheme(edit: (manifest: Record<string, unknown>) => void): { dir: string; manifest: string } {
  const dir = seedCopy()
  cpSync(join(ROOT, 'templates/classic'), join(dir, 'templates/mine'), { recursive: true })
  const manifest = join(dir, 'templates/mine/theme.json')
  const data = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>
  edit(data)
  writeFileSync(manifest, `${JSON.stringify(data, null, 2)}\n`)
  return { dir, manifest }
}

describe('a theme’s page settings', () => {
  it('a margin without a unit is the theme’s error (exit 5) at its place in theme.json, for every format', async () => {
    const { dir, manifest } = withTheme((m) => {
      m.page = { size: 'letter', margins: { top: '1' } }
    })
    const lines = readFileSync(manifest, 'utf8').split('\n')
    const line = lines.findIndex((l) => l.includes('"top": "1"')) + 1
    const column = lines[line - 1]!.indexOf('"1"') + 1
    for (const format of ['html', 'docx']) {
      const r = await runCli(['build', '--theme', 'mine', '--format', format, '-o', 'out'], { cwd: dir })
      expect(r.code, r.stderr).toBe(5)
      expect(r.stderr).toContain(`theme.json:${line}:${column}: error[THEME]: page.margins.top must be a length with a unit`)
    }
  })

  it('a page size the printer does not know is refused the same way', async () => {
    const { dir } = withTheme((m) => {
      m.page = { size: 'tabloid' }
    })
    const r = await runCli(['build', '--theme', 'mine', '--format', 'html', '-o', 'out'], { cwd: dir })
    expect(r.code).toBe(5)
    expect(r.stderr).toMatch(/theme\.json:\d+:\d+: error\[THEME\]: page\.size must be letter, a4 or locale/)
  })

  it('lengths in any unit reach HTML and Word alike', async () => {
    const { dir } = withTheme((m) => {
      m.page = { size: 'a4', margins: { top: '12mm', right: '36pt', bottom: '0', left: '0.75in' } }
    })
    const r = await runCli(['build', '--theme', 'mine', '--format', 'html,docx', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out/resume.html'), 'utf8')
    // meta.page in the seed says letter; meta wins over the theme for the size, the theme's margins stay.
    expect(html).toContain('margin: 12mm 36pt 0 0.75in;')
  })
})

describe('the base stylesheet vitae offers every theme by name', () => {
  it('a copied theme folder anywhere gets vitae:base.css from vitae itself, before its own sheet', async () => {
    const { dir } = withTheme(() => undefined)
    const r = await runCli(['build', '--theme', 'mine', '--format', 'html', '-o', 'out'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out/resume.html'), 'utf8')
    const base = readFileSync(join(ROOT, 'styles/base.css'), 'utf8')
    expect(html).toContain(base.trim())
    expect(html.indexOf(base.trim())).toBeLessThan(html.indexOf('/* classic: one column'))
  })

  it('a name vitae does not have, or a path dressed as one, is the theme’s error naming what there is', async () => {
    for (const name of ['vitae:nope.css', 'vitae:../schema/resume.schema.json', 'vitae:/etc/passwd']) {
      const { dir } = withTheme((m) => {
        m.styles = [name, 'style.css']
      })
      const r = await runCli(['build', '--theme', 'mine', '--format', 'html', '-o', 'out'], { cwd: dir })
      expect(r.code, name).toBe(5)
      expect(r.stderr).toContain(`error[THEME]: the theme asks for the stylesheet ${name}, which vitae does not have`)
      expect(r.stderr).toContain('vitae offers vitae:base.css')
    }
  })

  it('page.size "locale" prints on the paper of the resume’s language', async () => {
    const { dir } = withTheme((m) => {
      m.page = { size: 'locale' }
    })
    // The seed names letter itself: without it, its en-US locale gives Letter and de gives A4.
    const yaml = readFileSync(join(dir, 'resume.yaml'), 'utf8').replace(/^ {2}page: letter\n/m, '')
    writeFileSync(join(dir, 'resume.yaml'), yaml)
    const us = await runCli(['build', '--theme', 'mine', '--format', 'html', '-o', 'us'], { cwd: dir })
    expect(us.code, us.stderr).toBe(0)
    expect(readFileSync(join(dir, 'us/resume.html'), 'utf8')).toContain('size: Letter')
    const de = await runCli(['build', '--theme', 'mine', '--format', 'html', '-o', 'de', '--set', 'meta.locale=de'], { cwd: dir })
    expect(de.code, de.stderr).toBe(0)
    expect(readFileSync(join(dir, 'de/resume.html'), 'utf8')).toContain('size: A4')
  })
})
