import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { resolveLocale, unknownLocaleDiagnostic } from './labels.js'
import type { Locator, Path } from './source.js'

/**
 * Locales vitae has no words for: the resume's `meta.locale` and each variant's and letter's `locale`, each at
 * its place with a did-you-mean (`jp` → ja). A locale we have a table for by its language
 * (`de-AT` → de) is fine.
 */
export function checkLocales(data: unknown, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = []
  const root = data as { meta?: { locale?: unknown }; variants?: Record<string, { locale?: unknown } | null>; letters?: Record<string, { locale?: unknown } | null> } | null
  const check = (value: unknown, path: Path) => {
    if (typeof value !== 'string') return
    const resolution = resolveLocale(value)
    if (resolution.ok) return
    const where = locator.place(path)
    out.push(unknownLocaleDiagnostic(resolution, { file: locator.file, line: where?.line, column: where?.column }))
  }
  check(root?.meta?.locale, ['meta', 'locale'])
  for (const [name, variant] of Object.entries(root?.variants ?? {})) check(variant?.locale, ['variants', name, 'locale'])
  for (const [name, letter] of Object.entries(root?.letters ?? {})) check(letter?.locale, ['letters', name, 'locale'])
  return out
}
