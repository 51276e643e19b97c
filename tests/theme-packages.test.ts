import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, seedCopy } from './helpers.js'

const MINI_TEMPLATE =
  '<!doctype html><html><head><style>{{{css}}}</style></head><body><h1 class="fake">{{resume.basics.name}}</h1>{{#each view.sections}}<h2>{{heading}}</h2>{{/each}}</body></html>'

function fakeThemePackage(nodeModules: string, pkgName: string, manifest: Record<string, unknown> = {}): string {
  const dir = join(nodeModules, pkgName)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: pkgName, version: '2.3.4', description: 'A fake vitae theme' }))
  writeFileSync(
    join(dir, 'theme.json'),
    JSON.stringify({ name: 'fake', version: '2.3.4', description: 'A fake vitae theme', template: 'resume.hbs', sections: ['summary', 'work', 'education'], ...manifest }, null, 2),
  )
  writeFileSync(join(dir, 'resume.hbs'), MINI_TEMPLATE)
  return dir
}

describe('theme packages', () => {
  const dir = seedCopy()
  const nodeModules = join(dir, 'node_modules')
  fakeThemePackage(nodeModules, 'vitae-theme-fake')
  fakeThemePackage(nodeModules, '@acme/vitae-theme-corp')
  mkdirSync(join(nodeModules, 'jsonresume-theme-tiny'), { recursive: true })
  writeFileSync(join(nodeModules, 'jsonresume-theme-tiny/package.json'), JSON.stringify({ name: 'jsonresume-theme-tiny', version: '0.0.1', main: 'index.js' }))
  writeFileSync(join(nodeModules, 'jsonresume-theme-tiny/index.js'), "exports.render = (r) => '<html><body><h1>' + r.basics.name + '</h1></body></html>'")

  it('--theme NAME finds vitae-theme-NAME installed beside the resume', async () => {
    const r = await runCli(['build', 'resume.yaml', '--theme', 'fake', '-f', 'html', '-o', 'out-fake'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out-fake/resume.html'), 'utf8')).toContain('<h1 class="fake">Hayes Zhao</h1>')
  })

  it('a scoped package, and a JSON Resume theme, by their package names', async () => {
    const scoped = await runCli(['build', 'resume.yaml', '--theme', '@acme/vitae-theme-corp', '-f', 'html', '-o', 'out-scoped'], { cwd: dir })
    expect(scoped.code, scoped.stderr).toBe(0)
    const tiny = await runCli(['build', 'resume.yaml', '--theme', 'tiny', '-f', 'html', '-o', 'out-tiny'], { cwd: dir })
    expect(tiny.code, tiny.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out-tiny/resume.html'), 'utf8')).toContain('<h1>Hayes Zhao</h1>')
  })

  it('resume themes lists built-in and installed themes with kind and version', async () => {
    const r = await runCli(['themes', '--json', dir])
    expect(r.code, r.stderr).toBe(0)
    const list = JSON.parse(r.stdout) as Array<{ name: string; kind: string; version: string | null }>
    expect(list).toContainEqual(expect.objectContaining({ name: 'classic', kind: 'built-in' }))
    expect(list).toContainEqual(expect.objectContaining({ name: 'fake', kind: 'vitae package', version: '2.3.4' }))
    expect(list).toContainEqual(expect.objectContaining({ name: '@acme/vitae-theme-corp', kind: 'vitae package' }))
    expect(list).toContainEqual(expect.objectContaining({ name: 'tiny', kind: 'JSON Resume package', version: '0.0.1' }))
  })

  it('meta.theme naming a theme that is not installed: a warning at meta.theme saying what to install, then classic', async () => {
    const text = readFileSync(join(dir, 'resume.yaml'), 'utf8').replace(/^ {2}theme: classic$/m, '  theme: elegant-not-installed')
    expect(text).toContain('theme: elegant-not-installed')
    writeFileSync(join(dir, 'named.yaml'), text)
    const line = text.split('\n').findIndex((l) => l.includes('elegant-not-installed')) + 1
    const r = await runCli(['build', 'named.yaml', '-f', 'html', '-o', 'out-named'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain(`named.yaml:${line}:10: warning[THEME_NOT_INSTALLED]: the theme elegant-not-installed is not installed; building with classic`)
    expect(r.stderr).toContain('npm install jsonresume-theme-elegant-not-installed')
    expect(readFileSync(join(dir, 'out-named/named.html'), 'utf8')).toContain('Source Serif 4')
    const strict = await runCli(['build', 'named.yaml', '-f', 'html', '-o', 'out-named2', '--strict'], { cwd: dir })
    expect(strict.code).toBe(5)
  })

  it('--theme naming nothing installed is exit 5', async () => {
    const r = await runCli(['build', 'resume.yaml', '--theme', 'nope', '-f', 'html', '-o', 'out-nope'], { cwd: dir })
    expect(r.code).toBe(5)
    expect(r.stderr).toContain('error[THEME]: no theme named nope')
    expect(r.stderr).toContain('npm install jsonresume-theme-nope')
  })

  it('a manifest that breaks schema/theme.schema.json is exit 5 at its line and column', async () => {
    const pkg = fakeThemePackage(nodeModules, 'vitae-theme-broken', { docx: { accent: 'navy' } })
    const text = readFileSync(join(pkg, 'theme.json'), 'utf8')
    const line = text.split('\n').findIndex((l) => l.includes('"navy"')) + 1
    const r = await runCli(['build', 'resume.yaml', '--theme', 'broken', '-f', 'html', '-o', 'out-broken'], { cwd: dir })
    expect(r.code).toBe(5)
    expect(r.stderr).toMatch(new RegExp(`theme.json:${line}:\\d+: error\\[THEME\\]: docx.accent is "navy"; it must be a colour`))
  })

  it('a JSON Resume theme that throws, or returns no HTML, is exit 5 naming the package', async () => {
    for (const [name, body] of [
      ['throws', "exports.render = () => { throw new Error('oops') }"],
      ['nothing', 'exports.render = () => 42'],
    ]) {
      mkdirSync(join(nodeModules, `jsonresume-theme-${name}`), { recursive: true })
      writeFileSync(join(nodeModules, `jsonresume-theme-${name}/package.json`), JSON.stringify({ name: `jsonresume-theme-${name}` }))
      writeFileSync(join(nodeModules, `jsonresume-theme-${name}/index.js`), body)
      const r = await runCli(['build', 'resume.yaml', '--theme', name, '-f', 'html', '-o', `out-${name}`], { cwd: dir })
      expect(r.code).toBe(5)
      expect(r.stderr).toContain(`the JSON Resume theme jsonresume-theme-${name}`)
    }
  })
})
