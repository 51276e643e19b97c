import { describe, expect, it } from 'vitest'
import { offlineHtml } from '../../src/renderers/offline-html.js'

const page = (head: string) => `<!doctype html><html><head>${head}<style>body{}</style></head><body><p>Hi</p></body></html>`

describe('offlineHtml removes what reaches out before any policy can stop it', () => {
  it('a meta refresh, to anywhere, goes; a remote target is listed', () => {
    for (const meta of [
      '<meta http-equiv="refresh" content="0; url=https://evil.example/x">',
      "<META HTTP-EQUIV='Refresh' CONTENT='5'>",
      '<meta http-equiv=refresh content="1;URL=page2.html">',
    ]) {
      const { html, remote } = offlineHtml(page(meta))
      expect(html.toLowerCase()).not.toContain('refresh')
      expect(html).toContain('<p>Hi</p>')
      if (meta.includes('evil')) expect(remote).toEqual(['https://evil.example/x'])
    }
  })

  it('preconnect, dns-prefetch, prefetch, prerender and remote preloads go, and are listed', () => {
    const rels = ['preconnect', 'dns-prefetch', 'prefetch', 'prerender', 'preload', 'modulepreload', 'PreConnect']
    const head = rels.map((rel, i) => `<link rel="${rel}" href="https://h${i}.example/">`).join('\n')
    const { html, remote } = offlineHtml(page(head))
    expect(html).not.toMatch(/<link/i)
    expect(remote).toEqual(rels.map((_, i) => `https://h${i}.example/`))
  })

  it('keeps an inline preload, a stylesheet of its own and navigation links', () => {
    const keep = ['<link rel="preload" as="font" href="data:font/woff2;base64,AAAA">', '<link rel="canonical" href="https://me.example/">', '<meta charset="utf-8">']
    const { html } = offlineHtml(page(keep.join('')))
    for (const tag of keep) expect(html).toContain(tag)
  })
})
