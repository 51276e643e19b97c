import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { htmlAsText } from '../../src/match/html-text.js'
import { singular } from '../../src/match/tokens.js'

describe('an HTML posting read as the words a browser shows', () => {
  it('keeps a word with an entity inside it one word, and a name joined by &nbsp; one name', () => {
    const { text } = htmlAsText('<li>the MITRE ATT&amp;CK matrix, R&amp;D</li><li>Google&nbsp;Cloud&#160;Run</li>')
    expect(text).toBe('- the MITRE ATT&CK matrix, R&D\n- Google Cloud Run\n')
  })

  it('lays out white space and tags as a browser does: runs of spaces are one, inline tags nothing', () => {
    const { text } = htmlAsText('<p>Experience with\n      <b>Kube</b>rnetes   and\tTerraform</p>\n\n<p>Next</p>')
    expect(text).toBe('Experience with Kubernetes and Terraform\nNext\n')
  })

  it("shows a list item's paragraph beside its bullet, as a browser does, and a nested list on lines of its own", () => {
    const { text } = htmlAsText(
      '<ul><li><p>Build pipelines in <strong>Azure Data Factory</strong></p></li><li><div>Own dbt models</div></li><li>Tools<ul><li>Git</li></ul></li></ul>',
    )
    expect(text).toBe('- Build pipelines in Azure Data Factory\n- Own dbt models\n- Tools\n- Git\n')
  })

  it('says where bold runs start and end', () => {
    const read = htmlAsText('<p>Use <strong>pgvector</strong> and <b>tool <i>calling</i></b></p>')
    expect(read.emphasis.map(([s, e]) => read.text.slice(s, e))).toEqual(['pgvector', 'tool calling'])
  })

  it('leaves out scripts, styles, navigation and comments, and reads a lone "<" as text', () => {
    const { text } = htmlAsText('<nav>Home Careers</nav><script>var Python = 1</script><style>p{}</style><!-- Java --><p>a < b, Rust</p>')
    expect(text).toBe('a < b, Rust\n')
  })

  it('maps each character back to its offset in the file', () => {
    const html = '<ul>\n  <li>Use ATT&amp;CK and\n      Go</li>\n</ul>'
    const read = htmlAsText(html)
    for (const word of ['ATT', 'Go', 'Use']) {
      const at = read.text.indexOf(word)
      expect(html.slice(read.sourceOffset(at)).startsWith(word)).toBe(true)
    }
    expect(html.slice(read.sourceOffset(read.text.indexOf('CK')))).toMatch(/^&amp;CK|^CK/)
  })

  it('says where headings and bold lines start', () => {
    const read = htmlAsText('<p>Intro text</p><h2>Requirements</h2><ul><li>Go</li></ul><p><strong>Nice to have</strong></p>')
    const starts = [...read.headings].map((h) => read.text.slice(h).split('\n')[0])
    expect(starts).toEqual(['Requirements', 'Nice to have'])
  })
})

describe('htmlAsText on any markup', () => {
  // Pieces real pages are made of, shuffled: tags, entities (good, unknown, unclosed), text, spaces.
  const piece = fc.oneof(
    fc.constantFrom('<p>', '</p>', '<li>', '</li>', '<b>', '</b>', '<br>', '<h2>', '</h2>', '<script>x<y</script>', '<style>', '<!-- c -->', '<', '>', '<!doctype html>'),
    fc.constantFrom('&amp;', '&nbsp;', '&#38;', '&#x2013;', '&bogus;', '&amp', '&#99999999;', '&'),
    fc.constantFrom(' ', '\n', '\t', '  \n  '),
    fc.stringMatching(/^[A-Za-z0-9.,+#-]{1,8}$/),
  )
  it('maps every character of its text to a place in the file, in order, and a plain character to itself', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = pieces.join('')
        const read = htmlAsText(html)
        let last = 0
        for (let i = 0; i < read.text.length; i++) {
          const at = read.sourceOffset(i)
          expect(at).toBeGreaterThanOrEqual(last)
          expect(at).toBeLessThan(html.length)
          last = at
          const char = read.text[i]!
          if (/[A-Za-z0-9]/.test(char) && html[at] !== '&') expect(html[at]).toBe(char)
        }
        expect(read.text).not.toMatch(/ {2}|\n /)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('singular', () => {
  it('drops only the "s" of words ending in "se", and "es" after s, x, ch and sh', () => {
    expect(['databases', 'licenses', 'releases', 'processes', 'boxes', 'patches', 'pipelines', 'policies'].map((w) => singular(w))).toEqual([
      'database',
      'license',
      'release',
      'process',
      'box',
      'patch',
      'pipeline',
      'policy',
    ])
  })
})
