import { removeFilesWhere } from './remove-files.js'

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Page images a longer earlier build left: `resume-3.png` when the resume now has two pages.
 * Only numbered files of this output and extension beyond the new count are removed.
 */
export function removeStalePages(dir: string, stem: string, extension: string, pages: number): void {
  const numbered = new RegExp(`^${escapeRegExp(stem)}-(\\d+)\\.${escapeRegExp(extension)}$`)
  removeFilesWhere(dir, (name) => Number(numbered.exec(name)?.[1]) > pages)
}
