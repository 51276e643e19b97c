import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { optionsCss } from '../src/themes/options.js'
import { runCli, seedCopy } from './helpers.js'

describe('theme options', () => {
  const dir = seedCopy()
  const seed = readFileSync(join(dir, 'resume.yaml'), 'utf8')
  const withMeta = (file: string, lines: string) => {
    const text = seed.replace(/^meta:\n/m, `meta:\n${lines}`)
    writeFileSync(join(dir, file), text)
    return text
  }

  it('meta.themeOptions reach the page as --theme-* properties, and classic uses the accent', async () => {
    withMeta('accent.yaml', '  themeOptions:\n    accent: "#0a7"\n')
    const r = await runCli(['build', 'accent.yaml', '-f', 'html', '-o', 'out-accent'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(dir, 'out-accent/accent.html'), 'utf8')
    expect(html).toContain('--theme-accent: #0a7;')
    expect(html).toContain('var(--theme-accent, #1f3a5f)')
  })

  it('the default applies when nothing is set', async () => {
    const r = await runCli(['build', 'resume.yaml', '-f', 'html', '-o', 'out-default'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out-default/resume.html'), 'utf8')).toContain('--theme-accent: #1f3a5f;')
  })

  it('a colour that is not a colour is exit 4 at its line and column, never CSS', async () => {
    const text = withMeta('bad.yaml', '  themeOptions:\n    accent: "red; background: url(https://evil.example/x.png)"\n')
    const line = text.split('\n').findIndex((l) => l.includes('evil.example')) + 1
    const r = await runCli(['build', 'bad.yaml', '-f', 'html', '-o', 'out-bad'], { cwd: dir })
    expect(r.code).toBe(4)
    expect(r.stderr).toContain(`bad.yaml:${line}:13: error[FORMAT]: meta.themeOptions.accent must be a colour`)
  })

  it('a variant and --set change options; --set problems are named by the flag', async () => {
    const text = seed.replace(/^ {2}backend:\n/m, '  backend:\n    themeOptions:\n      accent: rgb(10, 120, 90)\n')
    writeFileSync(join(dir, 'variant.yaml'), text)
    const v = await runCli(['build', 'variant.yaml', '--variant', 'backend', '-f', 'html', '-o', 'out-variant'], { cwd: dir })
    expect(v.code, v.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out-variant/variant-backend.html'), 'utf8')).toContain('--theme-accent: rgb(10, 120, 90);')
    const set = await runCli(['build', 'resume.yaml', '--set', 'meta.themeOptions.accent=#abcdef', '-f', 'html', '-o', 'out-set'], { cwd: dir })
    expect(set.code, set.stderr).toBe(0)
    expect(readFileSync(join(dir, 'out-set/resume.html'), 'utf8')).toContain('--theme-accent: #abcdef;')
    const bad = await runCli(['build', 'resume.yaml', '--set', 'meta.themeOptions.accent=red;}', '-f', 'html', '-o', 'out-set2'], { cwd: dir })
    expect(bad.code).toBe(4)
    expect(bad.stderr).toContain('error[FORMAT]: --set meta.themeOptions.accent=red;}: meta.themeOptions.accent must be a colour')
  })

  it('an option the theme does not take is a warning with a did-you-mean', async () => {
    withMeta('typo.yaml', '  themeOptions:\n    acent: "#0a7"\n')
    const r = await runCli(['build', 'typo.yaml', '-f', 'html', '-o', 'out-typo'], { cwd: dir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/warning\[UNKNOWN_KEY\]: the theme classic takes no option acent; did you mean accent\?/)
  })

  it('values that could be more than a value become CSS strings', () => {
    expect(optionsCss({ accent: '#0a7', baseSize: 10.5, dense: true })).toBe(':root {\n  --theme-accent: #0a7;\n  --theme-base-size: 10.5;\n  --theme-dense: 1;\n}\n')
    const css = optionsCss({ font: 'x; } body { background: url(http://a) }' })
    // One CSS string token: its semicolon and braces cannot end the declaration or the rule.
    expect(css).toBe(':root {\n  --theme-font: "x; } body { background: url(http://a) }";\n}\n')
    expect(optionsCss({ bg: 'url(http://a)' })).toContain('--theme-bg: "url(http://a)";')
  })
})
