import { readdirSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Page images a longer earlier build left: `resume-3.png` when the resume now has two pages.
 * Only numbered files of this output and extension beyond the new count are removed.
 */
export function removeStalePages(dir: string, stem: string, extension: string, pages: number): void {
  const numbered = new RegExp(`^${escapeRegExp(stem)}-(\\d+)\\.${escapeRegExp(extension)}$`)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const n = Number(numbered.exec(name)?.[1])
    if (!n || n <= pages) continue
    try {
      unlinkSync(join(dir, name))
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
