import type { Page } from 'puppeteer-core'

// The swap below runs inside the page; these are its globals, not Node's.
declare const document: any
declare const DOMParser: any

const SHEETS = /<style\b[^>]*>[\s\S]*?<\/style\s*>|<link\b[^>]*>/gi

/**
 * A document as its head's style sheets and the rest. The signature holds what must match for a
 * new document to replace the tab's current one in place: the doctype (it fixes the rendering
 * mode) and the head's sheets, whose web fonts take Chrome longer to decode than the rest of a
 * print put together. Without an explicit </head> there is no signature, and no swap.
 */
export function splitDocument(html: string): { signature: string; withoutSheets: string } | undefined {
  const headEnd = html.search(/<\/head\s*>/i)
  if (headEnd < 0) return undefined
  const head = html.slice(0, headEnd)
  const htmlStart = head.search(/<html[\s>]/i)
  const signature = `${htmlStart < 0 ? '' : head.slice(0, htmlStart)}\0${(head.match(SHEETS) ?? []).join('\0')}`
  return { signature, withoutSheets: head.replace(SHEETS, '') + html.slice(headEnd) }
}

/**
 * Puts `html` in the tab. The first document, or one with other styles, loads as a new page
 * ('load', never 'networkidle': nothing may come from the network). A later one with the same
 * styles (the next variant of a build) replaces everything but those sheets, so the fonts decoded
 * for the first stay decoded: the same DOM in a fraction of the time. Returns the signature of
 * what the tab now shows.
 */
export async function showDocument(page: Page, html: string, current: string | undefined, timeout: number): Promise<string | undefined> {
  const parts = splitDocument(html)
  // The sheets stay out of the swap: parsing the fonts' base64 again would cost most of what it saves.
  if (parts && parts.signature === current && (await page.evaluate(replaceContent, parts.withoutSheets).catch(() => false))) return current
  await page.setContent(html, { waitUntil: 'load', timeout })
  // Fonts still loading at 'load' would print in a fallback face.
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return parts?.signature
}

/** Runs in the page (through CDP, so with the page's own scripts off); `html` comes without its head's sheets. */
async function replaceContent(html: string): Promise<boolean> {
  const next = new DOMParser().parseFromString(html, 'text/html')
  const root = document.documentElement
  for (const attr of [...root.attributes]) root.removeAttribute(attr.name)
  for (const attr of [...next.documentElement.attributes]) root.setAttribute(attr.name, attr.value)
  for (const el of [...document.head.children]) if (el.localName !== 'style' && el.localName !== 'link') el.remove()
  for (const el of [...next.head.children]) document.head.append(document.adoptNode(el))
  document.body.replaceWith(document.adoptNode(next.body))
  // Layout now, so the fonts the new text needs start loading before we wait for them.
  void document.body.offsetHeight
  // Inline images decode in a moment; a lazy one might never load, so it is not waited for.
  const pending = [...document.images].filter((img: any) => !img.complete && img.loading !== 'lazy')
  await Promise.all(pending.map((img: any) => img.decode().catch(() => undefined)))
  await document.fonts.ready
  return true
}

/**
 * A headless shell lays text out with each glyph's advance rounded to a whole pixel unless the
 * text asks for geometric precision (it has no system font settings to turn subpixel positioning
 * on, as a full browser does), so its lines run longer or shorter and break elsewhere: the seed
 * takes two pages instead of one. This sheet asks for it everywhere; a full browser lays text out
 * the same with or without it. Placed last in the head (or right after the doctype when there is
 * no </head>), so the standards mode and the signature of the head's sheets hold.
 */
const SHELL_TEXT = '<style>*{text-rendering:geometricPrecision!important}</style>'

export function withShellText(html: string): string {
  const headEnd = html.search(/<\/head\s*>/i)
  if (headEnd >= 0) return html.slice(0, headEnd) + SHELL_TEXT + html.slice(headEnd)
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? ''
  return doctype + SHELL_TEXT + html.slice(doctype.length)
}
