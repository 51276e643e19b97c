import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markdownBlocks, markdownInline, parseBlocks, parseInline } from '../../src/core/inline.js'

// parseInline and parseBlocks skip markdown-it for plain text. The shortcut must give exactly what
// markdown-it gives, for any text: strings drawn from characters that matter to Markdown (marks,
// list starts, spaces of several kinds, line breaks, NUL) and from any text at all.
const MARKDOWN_CHARS = [...'ab c1.-+*_`[]()\\&~#!<>:);\t\n\r\u0000\u00a0\u2003é漢', '&amp;', '&#65;', '&copy;', '&M', '&D;', 'H&M;', '&#x41;', '~~', '**', 'http://x.y']
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

  it('gives what markdown-it gives for bold spans in any surroundings', () => {
    // The shape resumes use (`built **Kafka** pipelines`) and its near misses: each side of each
    // mark drawn from letters, spaces of several kinds, punctuation and more marks; two spans at most.
    const side = (...options: string[]) => fc.constantFrom('', ...options)
    const span = fc
      .tuple(
        side(' ', 'a', '(', '.', 'x ', '_'),
        side(' ', 'K', '.', '9', '\u00a0', '(', '漢', '*'),
        side('afka', ' a b', '*', '**', '`x`', ' & ', '&amp;', 'H&M', '&D;', '&#65;'),
        side(' ', '.', ')', 'a', '\u3000', '!'),
        side(' ', 'b', ',', ')', '.', '*', '**', ':'),
      )
      .map(([before, first, middle, last, after]) => `${before}**${first}${middle}${last}**${after}`)
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 2 }), (spans) => {
        const text = spans.join('')
        expect(parseInline(text)).toEqual(markdownInline(text))
        expect(parseBlocks(text)).toEqual(markdownBlocks(text))
      }),
      { numRuns: 5000 },
    )
    for (const text of ['built **Kafka** pipelines', '**Nominated to Sigma Xi.**', 'in the **top-tier IEEE (CAL)**, then', '**a** and **b**']) {
      expect(parseInline(text)).toEqual(markdownInline(text))
      expect(parseInline(text).some((node) => node.type === 'strong')).toBe(true)
    }
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
