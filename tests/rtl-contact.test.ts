import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, ROOT, runCli, tempDir } from './helpers.js'
import { readPdf } from './read-pdf.js'

const THEMES = readdirSync(join(ROOT, 'templates'))
  .filter((name) => existsSync(join(ROOT, 'templates', name, 'theme.json')))
  .sort()

// A phone number or an address is written left to right in every language: in a right-to-left
// page it must still read "+971 50 123 4567", not its groups mirrored ("4567 123 50 971+").
describe.each(THEMES)('an Arabic resume in the %s theme', (theme) => {
  it('prints its phone number and email address left to right', async () => {
    const dir = tempDir()
    const yaml = readFileSync(join(FIXTURES, 'i18n/ar.yaml'), 'utf8').replace(/^ {2}label: (.*)$/m, '  label: $1\n  phone: "+971 50 123 4567"\n  email: ahmad@example.com')
    writeFileSync(join(dir, 'ar.yaml'), yaml)
    const run = await runCli(['build', 'ar.yaml', '--theme', theme, '--format', 'pdf', '-q', '-o', 'out'], { cwd: dir })
    expect(run.code, run.stderr).toBe(0)
    const pdf = await readPdf(join(dir, 'out/ar.pdf'))
    // The phone's groups as drawn, left to right on the page.
    const line = pdf.items.find((i) => i.str.includes('4567'))!
    const sameLine = pdf.items.filter((i) => Math.abs(i.y - line.y) < 1 && /[\d+]/.test(i.str)).sort((a, b) => a.x - b.x)
    const drawn = sameLine
      .map((i) => i.str)
      .join(' ')
      .replace(/\s+/g, ' ')
    expect(drawn).toContain('+971 50 123 4567')
    expect(pdf.text).toContain('ahmad@example.com')
  })
})
