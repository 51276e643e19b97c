import { describe, expect, it } from 'vitest'
import { cefrLevel } from '../../src/themes/cefr.js'

describe('CEFR levels in a language fluency', () => {
  it.each([
    ['C1', 'C1', ''],
    ['C1 (Advanced)', 'C1', 'Advanced'],
    ['Fluent (C1)', 'C1', 'Fluent'],
    ['B2 – Upper intermediate', 'B2', 'Upper intermediate'],
    ['GER B2+', 'B2+', 'GER'],
    ['Muttersprache, C2', 'C2', 'Muttersprache'],
  ])('%s: the level %s, and %j beside it', (text, level, rest) => {
    expect(cefrLevel(text)).toEqual({ level, rest })
  })

  it.each(['Native', 'Professional working proficiency', 'B2/C1', 'A1 to C2', 'ABC1', 'C1-2023', 'c1', 'IELTS 7.5'])('%s: no single level, left as written', (text) => {
    expect(cefrLevel(text)).toBeUndefined()
  })
})
