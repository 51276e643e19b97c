import { describe, expect, it } from 'vitest'
import { splitDocument, withShellText } from '../../src/browser/document.js'

describe('withShellText (the sheet a headless shell prints with)', () => {
  it('goes last in the head, so the doctype stays first and the head keeps one signature for every document', () => {
    const a = withShellText('<!doctype html><html><head><style>p{}</style></head><body>a</body></html>')
    const b = withShellText('<!doctype html><html><head><style>p{}</style></head><body>b</body></html>')
    expect(a).toMatch(/^<!doctype html><html><head><style>p\{\}<\/style><style>\*\{text-rendering:geometricPrecision!important\}<\/style><\/head>/)
    expect(splitDocument(a)?.signature).toBe(splitDocument(b)?.signature)
  })

  it('without a </head>, comes right after the doctype (before any content), or first when there is none', () => {
    expect(withShellText('<!DOCTYPE html>\n<p>x')).toMatch(/^<!DOCTYPE html><style>[^<]*<\/style>\n<p>x$/)
    expect(withShellText('<p>x')).toMatch(/^<style>[^<]*<\/style><p>x$/)
  })
})
