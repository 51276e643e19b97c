import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, runCli, tempDir } from './helpers.js'

/** Every bad-input fixture: the code, place and exit code a user must get. */
const CASES: Array<{ file: string; code: string; line: number; column: number; exit: number; severity?: 'error' | 'warning'; text?: RegExp }> = [
  { file: 'duplicate-key.yaml', code: 'DUPLICATE_KEY', line: 3, column: 3, exit: 3 },
  { file: 'tab-indent.yaml', code: 'YAML_SYNTAX', line: 2, column: 1, exit: 3, text: /tabs/ },
  { file: 'unclosed-quote.yaml', code: 'YAML_SYNTAX', line: 2, column: 9, exit: 3, text: /quoted string is never closed/ },
  { file: 'bad-indent.yaml', code: 'YAML_SYNTAX', line: 3, column: 1, exit: 3, text: /indented/ },
  { file: 'empty.yaml', code: 'EMPTY_DOCUMENT', line: 1, column: 1, exit: 3 },
  { file: 'list-root.yaml', code: 'ROOT_NOT_MAPPING', line: 1, column: 1, exit: 3, text: /not a list/ },
  { file: 'multiple-documents.yaml', code: 'MULTIPLE_DOCUMENTS', line: 3, column: 1, exit: 3 },
  { file: 'undefined-alias.yaml', code: 'UNDEFINED_ALIAS', line: 2, column: 9, exit: 3, text: /\*who/ },
  { file: 'alias-bomb.yaml', code: 'ALIAS_LIMIT', line: 4, column: 29, exit: 3 },
  { file: 'proto-key.yaml', code: 'FORBIDDEN_KEY', line: 3, column: 1, exit: 3 },
  { file: 'custom-tag.yaml', code: 'YAML_TAG', line: 2, column: 16, exit: 3 },
  { file: 'merge-key.yaml', code: 'MERGE_KEY', line: 4, column: 3, exit: 3 },
  { file: 'utf16.yaml', code: 'NOT_UTF8', line: 1, column: 1, exit: 3, text: /UTF-16/ },
  { file: 'latin1.yaml', code: 'NOT_UTF8', line: 2, column: 11, exit: 3, text: /0xE9/ },
  { file: 'number-for-string.yaml', code: 'TYPE', line: 2, column: 9, exit: 4, text: /name must be text, but it is the number 42/ },
  { file: 'string-for-list.yaml', code: 'TYPE', line: 3, column: 17, exit: 4, text: /highlights must be a list/ },
  { file: 'month-13.yaml', code: 'DATE_FORMAT', line: 4, column: 16, exit: 4, text: /startDate must be a date like 2024-03 or 2024-03-15/ },
  { file: 'impossible-day.yaml', code: 'DATE_INVALID', line: 3, column: 16, exit: 4 },
  { file: 'misspelled-key.yaml', code: 'UNKNOWN_KEY', line: 3, column: 5, exit: 0, severity: 'warning', text: /did you mean position\?/ },
  { file: 'javascript-url.yaml', code: 'URL_SCHEME', line: 3, column: 8, exit: 4, text: /not javascript:/ },
  { file: 'markdown-javascript-link.yaml', code: 'URL_SCHEME', line: 3, column: 12, exit: 4 },
  { file: 'control-char.yaml', code: 'CONTROL_CHAR', line: 7, column: 16, exit: 4, text: /work\[0\]\.highlights\[0\] contains the character U\+0001/ },
  { file: 'control-char-profile.yaml', code: 'CONTROL_CHAR', line: 5, column: 35, exit: 4, text: /basics\.profiles\[0\]\.url contains the character U\+0007/ },
  { file: 'alias-cycle.yaml', code: 'ALIAS_CYCLE', line: 3, column: 17, exit: 3, text: /\*x is inside the value &x/ },
  { file: 'too-deep.yaml', code: 'TOO_DEEP', line: 3, column: 108, exit: 3, text: /more than 100 levels/ },
  { file: 'duplicate-key-number.yaml', code: 'DUPLICATE_KEY', line: 5, column: 3, exit: 3, text: /read as "2024"/ },
  { file: 'duplicate-key-bool.yaml', code: 'DUPLICATE_KEY', line: 5, column: 3, exit: 3, text: /read as "true"/ },
  { file: 'yaml-1-1.yaml', code: 'YAML_VERSION', line: 1, column: 1, exit: 3, text: /YAML 1\.2 only/ },
  { file: 'invisible-email.yaml', code: 'INVISIBLE_CHAR', line: 3, column: 13, exit: 4, text: /basics\.email .*U\+200B/ },
  { file: 'invisible-profile-url.yaml', code: 'INVISIBLE_CHAR', line: 5, column: 31, exit: 4, text: /basics\.profiles\[0\]\.url .*U\+202E/ },
  { file: 'margins-too-wide.yaml', code: 'RANGE', line: 5, column: 12, exit: 4, text: /margins leave less than an inch of the Letter page/ },
  { file: 'invisible-summary.yaml', code: 'INVISIBLE_CHAR', line: 3, column: 23, exit: 0, severity: 'warning', text: /U\+00AD \(soft hyphen\)/ },
]

describe('bad input gets a diagnostic at its place and the documented exit code', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.code} at ${c.line}:${c.column}, exit ${c.exit}`, async () => {
      const file = join('tests/fixtures/invalid', c.file)
      const { code, stderr } = await runCli(['validate', file])
      expect(code).toBe(c.exit)
      expect(stderr).toContain(`${file}:${c.line}:${c.column}: ${c.severity ?? 'error'}[${c.code}]:`)
      if (c.text) expect(stderr).toMatch(c.text)
      expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/) // no stack trace
    })
  }

  it('prints the source line and a caret under the column', async () => {
    const { stderr } = await runCli(['validate', 'tests/fixtures/invalid/month-13.yaml'])
    expect(stderr).toContain(' 4 |     startDate: 2024-13\n   |                ^')
  })

  it('reports every problem in one run, not just the first', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'resume.yaml'), 'basics:\n  name: 42\n  email: nope\nwork:\n  - startDate: 2024-13\n    highlights: text\n')
    const { code, stderr } = await runCli(['validate', 'resume.yaml'], { cwd: dir })
    expect(code).toBe(4)
    for (const place of ['resume.yaml:2:9', 'resume.yaml:3:10', 'resume.yaml:5:16', 'resume.yaml:6:17']) expect(stderr).toContain(place)
    expect(stderr).toContain('4 errors, 0 warnings')
  })

  it('an invalid date gets one error, not also a date-order warning', async () => {
    const { stderr } = await runCli(['validate', 'tests/fixtures/invalid/month-13.yaml'])
    expect(stderr).toContain('error[DATE_FORMAT]')
    expect(stderr).not.toContain('DATE_ORDER')
  })

  it('an end date before the start date is a warning', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'resume.yaml'), 'work:\n  - name: Acme\n    startDate: 2024-05\n    endDate: 2023-01\n')
    const { code, stderr } = await runCli(['validate'], { cwd: dir })
    expect(code).toBe(0)
    expect(stderr).toContain('resume.yaml:4:14: warning[DATE_ORDER]: endDate 2023-01 is before startDate 2024-05')
  })

  it('--strict turns warnings into errors (exit 4)', async () => {
    const { code, stderr } = await runCli(['validate', '--strict', 'tests/fixtures/invalid/misspelled-key.yaml'])
    expect(code).toBe(4)
    expect(stderr).toContain('error[UNKNOWN_KEY]')
  })

  it('a missing file is exit 3 with its name', async () => {
    const { code, stderr } = await runCli(['build', 'no-such-resume.yaml'])
    expect(code).toBe(3)
    expect(stderr).toContain('error[FILE_NOT_FOUND]: cannot find no-such-resume.yaml')
  })

  it('a failed build writes nothing and leaves the earlier output intact', async () => {
    const dir = tempDir()
    cpSync(join(FIXTURES, 'invalid/month-13.yaml'), join(dir, 'resume.yaml'))
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist/resume.html'), 'EARLIER')
    const { code } = await runCli(['build', '--format', 'html'], { cwd: dir })
    expect(code).toBe(4)
    expect(readFileSync(join(dir, 'dist/resume.html'), 'utf8')).toBe('EARLIER')

    const fresh = tempDir()
    cpSync(join(FIXTURES, 'invalid/duplicate-key.yaml'), join(fresh, 'resume.yaml'))
    expect((await runCli(['build'], { cwd: fresh })).code).toBe(3)
    expect(existsSync(join(fresh, 'dist'))).toBe(false)
  })
})

describe('inputs that used to slip through', () => {
  it('mappings indented 400 levels deep are TOO_DEEP (exit 3) at the first level too many, not an engine message', async () => {
    const dir = tempDir()
    const lines = ['basics:', '  name: Ada', 'x-deep:']
    for (let i = 1; i <= 400; i++) lines.push(`${' '.repeat(i)}k${i}:`)
    writeFileSync(join(dir, 'resume.yaml'), `${lines.join('\n')} end\n`)
    const { code, stderr } = await runCli(['validate'], { cwd: dir })
    expect(code).toBe(3)
    // The root is level 1 and k1's mapping (line 4) level 2, so level 101 is k100's, on line 103.
    expect(stderr).toContain('resume.yaml:103:101: error[TOO_DEEP]')
    expect(stderr).not.toMatch(/call stack|internal error/i)
  })

  it('ZWJ and ZWNJ where a script or an emoji needs them are fine; a %YAML 1.2 directive too', async () => {
    const dir = tempDir()
    // Devanagari क्‍ष (half form), Persian می‌خواهم (ZWNJ), and a woman technologist emoji (ZWJ sequence).
    writeFileSync(join(dir, 'resume.yaml'), '%YAML 1.2\n---\nbasics:\n  name: Ada\n  summary: "क्\u200Dष, می\u200Cخواهم, 👩\u200D💻"\n')
    const { code, stderr } = await runCli(['validate'], { cwd: dir })
    expect(code, stderr).toBe(0)
    expect(stderr).toContain('(0 errors, 0 warnings)')
  })

  it('a zero-width joiner between Latin letters in free text is a warning', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'resume.yaml'), 'basics:\n  name: Ada\n  label: "Data\u200DEngineer"\n')
    const { code, stderr } = await runCli(['validate'], { cwd: dir })
    expect(code).toBe(0)
    expect(stderr).toContain('resume.yaml:3:15: warning[INVISIBLE_CHAR]: basics.label contains an invisible character, U+200D (zero-width joiner)')
  })
})

describe('limits', () => {
  it('a file over 1 MiB is refused before it is parsed (exit 3)', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'resume.yaml'), `basics:\n  name: Ada\n  summary: "${'x'.repeat(1024 * 1024)}"\n`)
    const { code, stderr } = await runCli(['validate'], { cwd: dir })
    expect(code).toBe(3)
    expect(stderr).toMatch(/error\[INPUT_TOO_LARGE\]: resume\.yaml is \d+ bytes; the limit is 1048576 bytes/)
  })

  it('a BOM and CRLF line ends are fine, and positions still count lines', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'resume.yaml'), '\uFEFFbasics:\r\n  name: Ada\r\nwork:\r\n  - startDate: 2024-13\r\n')
    const { code, stderr } = await runCli(['validate'], { cwd: dir })
    expect(code).toBe(4)
    expect(stderr).toContain('resume.yaml:4:16: error[DATE_FORMAT]')
  })
})
