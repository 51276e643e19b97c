import type { Highlight, Resume, Section } from '../types/resume.js'
import { plainText } from './inline.js'
import { setIn } from './paths.js'
import { entryLabel, LIST_SECTIONS } from './sections.js'
import type { Path } from './source.js'

/** One layer of tailoring: a variant, or the command-line flags on top of it. */
export interface TailorLayer {
  /** Who asked, in words: `variant backend`, `--tags`. */
  source: string
  tags?: string[]
  excludeTags?: string[]
  sections?: Section[]
  maxHighlights?: number
  /** Another language for this layer's document (a variant's `locale`). */
  locale?: string
  set?: Override[]
}

export interface Override {
  path: Path
  value: unknown
  /** Where it was written, for explain: `resume.yaml:120:14` or `--set`. */
  origin: string
}

export interface Decision {
  section: Section
  entry: number
  /** Set for a highlight; absent for the entry itself. */
  highlight?: number
  label: string
  kept: boolean
  reason: string
}

export interface SectionDecision {
  id: Section
  kept: boolean
  reason: string
}

export interface Tailored {
  resume: Resume
  sections: SectionDecision[]
  decisions: Decision[]
  overrides: Override[]
}

type Entry = { tags?: string[]; highlights?: Highlight[]; [key: string]: unknown }

const tagsOfHighlight = (h: Highlight): string[] | undefined => (typeof h === 'string' ? undefined : h.tags)
const textOfHighlight = (h: Highlight): string => (typeof h === 'string' ? h : h.text)
const shorten = (text: string, max = 72): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text)

/** Whether each layer lets a thing with these tags through, and the rule that decided. */
function verdict(tags: string[] | undefined, layers: readonly TailorLayer[]): { kept: boolean; reason: string } {
  const reasons: string[] = []
  for (const layer of layers) {
    if (!tags?.length) continue
    const excluded = tags.find((t) => layer.excludeTags?.includes(t))
    if (excluded) return { kept: false, reason: `tag ${excluded} is excluded by ${layer.source}` }
    if (layer.tags?.length) {
      const included = tags.find((t) => layer.tags!.includes(t))
      if (!included) return { kept: false, reason: `none of its tags (${tags.join(', ')}) is among ${layer.source}'s tags (${layer.tags.join(', ')})` }
      reasons.push(`tag ${included} is included by ${layer.source}`)
    }
  }
  if (!tags?.length) return { kept: true, reason: 'untagged: always kept' }
  return { kept: true, reason: reasons.length ? reasons.join('; ') : `tags ${tags.join(', ')}: no tag filter` }
}

/**
 * Applies the layers in order: overrides first (their paths count entries as the file lists
 * them), then tag filters, the section list, and the highlight cap. Pure: the input is not touched.
 */
export function tailor(base: Resume, layers: readonly TailorLayer[], defaultOrder: readonly Section[]): Tailored {
  const overrides = layers.flatMap((l) => l.set ?? [])
  let resume = overrides.reduce<Resume>((acc, o) => setIn(acc, o.path, o.value), base)
  const decisions: Decision[] = []
  const maxHighlights = [...layers].reverse().find((l) => l.maxHighlights !== undefined)

  const out: Record<string, unknown> = { ...resume }
  delete out.variants
  delete out.letters
  const emptied = new Set<Section>()
  for (const { list: section } of LIST_SECTIONS) {
    const list = resume[section] as Entry[] | undefined
    if (!Array.isArray(list)) continue
    const kept: Entry[] = []
    list.forEach((entry, index) => {
      const label = entryLabel(section, entry)
      const v = verdict(entry.tags, layers)
      decisions.push({ section, entry: index, label, ...v })
      if (!v.kept) return
      if (!Array.isArray(entry.highlights)) {
        kept.push(entry)
        return
      }
      const highlights: Highlight[] = []
      entry.highlights.forEach((h, hi) => {
        const hv = verdict(tagsOfHighlight(h), layers)
        const capped = hv.kept && maxHighlights?.maxHighlights !== undefined && highlights.length >= maxHighlights.maxHighlights
        const final = capped ? { kept: false, reason: `beyond the ${maxHighlights!.maxHighlights} highlights per entry that ${maxHighlights!.source} allows` } : hv
        // The label is read by `resume explain` only: worked out (Markdown parsed) when read, not for
        // every highlight of every target (`resume match --all-variants` tailors each one).
        decisions.push({
          section,
          entry: index,
          highlight: hi,
          get label() {
            return shorten(plainText(textOfHighlight(h)))
          },
          ...final,
        })
        if (final.kept) highlights.push(h)
      })
      kept.push({ ...entry, highlights })
    })
    if (kept.length === 0 && list.length > 0) emptied.add(section)
    out[section] = kept
  }
  resume = out as Resume

  const chosen = [...layers].reverse().find((l) => l.sections)
  const order = chosen?.sections ?? (resume.meta?.sections as Section[] | undefined) ?? [...defaultOrder]
  const sections: SectionDecision[] = []
  for (const id of new Set<Section>([...order, ...defaultOrder])) {
    const present = id === 'summary' ? Boolean(resume.basics?.summary) : Array.isArray(resume[id]) && (resume[id] as unknown[]).length > 0
    if (!order.includes(id)) {
      if (present || emptied.has(id)) sections.push({ id, kept: false, reason: chosen ? `not among ${chosen.source}'s sections` : 'not among meta.sections' })
    } else if (emptied.has(id)) {
      sections.push({ id, kept: false, reason: 'omitted: the tag filters dropped every entry' })
    } else if (present) {
      sections.push({ id, kept: true, reason: chosen ? `listed in ${chosen.source}'s sections` : 'listed' })
    }
  }
  const locale = [...layers].reverse().find((l) => l.locale)?.locale
  resume = { ...resume, meta: { ...resume.meta, ...(locale ? { locale } : {}), sections: sections.filter((s) => s.kept).map((s) => s.id) } }
  return { resume, sections, decisions, overrides }
}
