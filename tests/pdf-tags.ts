import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

type StructNode = { type?: string; id?: string; role?: string; children?: StructNode[] }

/**
 * A tagged PDF's text in the order of its structure tree: what a screen reader, and a parser that
 * follows the tags, reads. Each entry is the text of one marked-content piece, trimmed; pieces
 * without text (rules, images) are left out.
 */
export async function taggedText(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise
  try {
    const out: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const tree = (await page.getStructTree()) as StructNode | null
      const content = await page.getTextContent({ includeMarkedContent: true })
      const text = new Map<string, string>()
      let current: string | undefined
      for (const item of content.items as Array<{ type?: string; id?: string; str?: string }>) {
        if (item.type === 'beginMarkedContentProps') current = item.id
        else if (item.type === 'endMarkedContent') current = undefined
        else if (current && item.str !== undefined) text.set(current, (text.get(current) ?? '') + item.str)
      }
      const walk = (node: StructNode) => {
        if (node.type === 'content' && node.id) {
          const t = text.get(node.id)?.trim()
          if (t) out.push(t)
        }
        for (const child of node.children ?? []) walk(child)
      }
      if (tree) walk(tree)
    }
    return out
  } finally {
    await doc.destroy()
  }
}
