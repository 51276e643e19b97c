import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { Resume, Variant } from '../types/resume.js'
import { collectNamedParts, type NamedPart } from './named-parts.js'
import { checkPath, checkValue } from './overrides.js'
import type { Source } from './source.js'
import { didYouMean } from './suggest.js'
import type { Override, TailorLayer } from './tailor.js'

/** A variant as written, with a way back to where each of its parts is. */
export type VariantDef = NamedPart<Variant>

/** Every tag used anywhere in the resume: what variants and --tags may name. */
export function tagInventory(resume: Resume): Set<string> {
  const tags = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'tags' && Array.isArray(child)) {
          for (const t of child) if (typeof t === 'string') tags.add(t)
        } else if (key !== 'variants') visit(child)
      }
    }
  }
  visit(resume)
  return tags
}

/**
 * Variants from `variants:` in the resume and from `variants/NAME.yaml` beside it. Problems in a
 * variant file are reported in that file; a name defined twice is an error.
 */
export async function collectVariants(source: Source, resume: Resume, resumeDir: string): Promise<{ variants: Map<string, VariantDef>; diagnostics: Diagnostic[] }> {
  const { parts, diagnostics } = await collectNamedParts<Variant>(source, resume, resumeDir, 'variants', { noun: 'variant' })
  return { variants: parts, diagnostics }
}

/** The output file name (no extension) for a variant, or for the untailored resume. */
export function outputName(stem: string, variant?: VariantDef): string {
  if (!variant) return stem
  return variant.def.output ?? `${stem}-${variant.name}`
}

/** Checks what the schema cannot: override paths and values, known tags, distinct output names. */
export async function checkVariants(variants: Map<string, VariantDef>, resume: Resume, stem: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = []
  const tags = tagInventory(resume)
  const names = new Map<string, string>()
  for (const v of variants.values()) {
    for (const key of ['tags', 'excludeTags'] as const) {
      v.def[key]?.forEach((tag, i) => {
        if (tags.has(tag)) return
        const guess = didYouMean(tag, tags)
        const where = v.place([key, i])
        out.push({
          code: 'UNKNOWN_TAG',
          severity: 'warning',
          message: `no entry or highlight carries the tag ${tag}${guess ? `; did you mean ${guess}?` : ''}`,
          hint: guess ? undefined : tags.size ? `the tags in use are ${[...tags].sort().join(', ')}` : 'add tags: [...] to entries and highlights',
          file: v.file,
          line: where?.line,
          column: where?.column,
        })
      })
    }
    for (const [key, value] of Object.entries(v.def.set ?? {})) {
      // Places only for problems: finding one can mean reading the file's full YAML tree (src/core/yaml-fast.ts).
      const { path, problems } = checkPath(key, resume, {
        file: v.file,
        get place() {
          return v.place(['set', key], { key: true })
        },
      })
      out.push(...problems)
      if (path)
        out.push(
          ...(await checkValue(path, value, {
            file: v.file,
            get place() {
              return v.place(['set', key])
            },
          })),
        )
    }
    const name = outputName(stem, v)
    const clash = names.get(name)
    if (clash) {
      const where = v.place(v.def.output ? ['output'] : [], { key: !v.def.output })
      out.push({
        code: 'OUTPUT_CONFLICT',
        severity: 'error',
        message: `the variants ${clash} and ${v.name} would both write ${name}.*`,
        hint: 'give one of them another output: name',
        file: v.file,
        line: where?.line,
        column: where?.column,
      })
    }
    names.set(name, v.name)
  }
  return out
}

/** A variant as a tailoring layer, its overrides remembering where they were written. */
export function variantLayer(v: VariantDef, resume: Resume): TailorLayer {
  const set: Override[] = []
  for (const [key, value] of Object.entries(v.def.set ?? {})) {
    const { path } = checkPath(key, resume, {})
    if (!path) continue
    set.push({
      path,
      value,
      // Read by --explain and by theme options' problems, rarely: see checkVariants.
      get origin() {
        const at = v.place(['set', key])
        return `${v.file}:${at?.line ?? 1}:${at?.column ?? 1}`
      },
    })
  }
  return {
    source: `variant ${v.name}`,
    tags: v.def.tags,
    excludeTags: v.def.excludeTags,
    sections: v.def.sections,
    maxHighlights: v.def.maxHighlights,
    locale: v.def.locale,
    set,
  }
}
