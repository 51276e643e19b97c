import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markdownBlocks, markdownInline, parseBlocks, parseInline } from '../../src/core/inline.js'

// parseInline and parseBlocks skip markdown-it for plain text. The shortcut must give exactly what
// markdown-it gives, for any text: strings drawn from characters that matter to Markdown (marks,
// list starts, spaces of several kinds, line breaks, NUL) and from any text at all.
const MARKDOWN_CHARS = [...'ab c1.-+*_`[]()\\&~#!<>:);\t\n\r\u0000\u00a0\u2003é漢', '&amp;', '&#65;', '&copy;', '~~', '**', 'http://x.y']
const markdownish = fc.array(fc.constantFrom(...MARKDOWN_CHARS), { maxLength: 14 }).map((cs) => cs.join(''))
const anyText = fc.oneof(markdownish, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }))

describe('inline Markdown: the plain-text shortcut', () => {
  it('gives what markdown-it gives for any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(parseInline(text)).toEqual(markdownInline(text))
        expect(parseBlocks(text)).toEqual(markdownBlocks(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('still reads what is Markdown', () => {
    expect(parseInline('built **Kafka** pipelines')).toEqual([
      { type: 'text', text: 'built ' },
      { type: 'strong', children: [{ type: 'text', text: 'Kafka' }] },
      { type: 'text', text: ' pipelines' },
    ])
    expect(parseBlocks('- one\n- two')).toEqual([{ type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] }])
    expect(parseBlocks('1. first')).toMatchObject([{ type: 'list', ordered: true }])
    expect(parseBlocks(' padded ')).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'padded' }] }])
  })
})
