import { describe, expect, it } from 'vitest'
import { FRAME_WIDTH, formatDiagnostic } from '../../src/diagnostics/format.js'

const frame = (line: string, column: number) =>
  formatDiagnostic({ code: 'YAML_SYNTAX', severity: 'error', message: 'm', file: 'r.yaml', line: 1, column }, { sources: new Map([['r.yaml', line]]) }).split('\n')

describe('code frames show at most a screen width around the column', () => {
  it('a short line is shown whole, the caret under the column', () => {
    const [, text, caret] = frame('name: Ada', 7)
    expect(text).toBe(' 1 | name: Ada')
    expect(caret!.indexOf('^')).toBe(text!.indexOf('Ada'))
  })

  for (const [where, column] of [
    ['start', 1],
    ['middle', 12_000],
    ['end', 24_000],
  ] as const) {
    it(`a 24 kB line shows its neighbourhood, the caret still under the column (${where})`, () => {
      const line = Array.from({ length: 24_000 }, (_, i) => (i === column - 1 ? 'X' : String.fromCharCode(97 + (i % 26)))).join('')
      const [, text, caret] = frame(line, column)
      const shown = text!.slice(' 1 | '.length)
      expect(Array.from(shown).length).toBeLessThanOrEqual(FRAME_WIDTH + 2)
      expect(text![caret!.indexOf('^')]).toBe('X')
      if (where !== 'start') expect(shown.startsWith('…')).toBe(true)
      if (where !== 'end') expect(shown.endsWith('…')).toBe(true)
    })
  }
})
