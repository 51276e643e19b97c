import { formatPath } from '../core/paths.js'
import { type Path, placeOf, type Source } from '../core/source.js'
import type { Tailored, TailorLayer } from '../core/tailor.js'
import type { VariantDef } from '../core/variants.js'
import type { Highlight, Resume, Section } from '../types/resume.js'
import type { ResumePlace } from './resume-places.js'

/** One edit that would show a dropped term: what to change, and where in which file. */
export interface Change {
  kind: 'add-tag' | 'remove-tag' | 'add-section' | 'max-highlights'
  /** Where to make the edit: file:line:col. */
  at: string
  /** add-tag, remove-tag: the entry or highlight, as a data path (work[1].highlights[2]). */
  path?: string
  tag?: string
  /** add-section: the section; max-highlights: the new cap. */
  section?: Section
  value?: number
  /** add-section, max-highlights: the variant to edit; absent for meta.sections. */
  variant?: string
  text: string
}

export interface Suggestion {
  text: string
  changes: Change[]
  /** The changes were applied to a copy and the term was then shown. */
  verified: boolean
}

interface Blocker {
  reason: string
  kind: 'section' | 'entry' | 'highlight' | 'override'
  path: Path
  section: Section
}

const isPrefix = (prefix: Path, path: Path): boolean => prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]))

/** Why a place of the resume is not in a tailored document; none when it is shown. */
export function blockers(path: Path, t: Tailored): Blocker[] {
  const found: Blocker[] = []
  const replaced = t.overrides.find((o) => isPrefix(o.path, path))
  if (replaced) found.push({ kind: 'override', reason: `replaced by the override at ${replaced.origin}`, path, section: 'summary' })
  const head = path[0]
  if (head === 'basics') {
    if (path[1] === 'summary') {
      const s = t.sections.find((x) => x.id === 'summary')
      if (s && !s.kept) found.push({ kind: 'section', reason: s.reason, path, section: 'summary' })
    }
    return found
  }
  const section = head as Section
  const entry = Number(path[1])
  const s = t.sections.find((x) => x.id === section)
  if (!s?.kept) found.push({ kind: 'section', reason: s?.reason ?? 'not shown', path: [section], section })
  const d = t.decisions.find((x) => x.section === section && x.entry === entry && x.highlight === undefined)
  if (d && !d.kept) found.push({ kind: 'entry', reason: d.reason, path: [section, entry], section })
  if (path[2] === 'highlights' && d?.kept) {
    const h = Number(path[3])
    const hd = t.decisions.find((x) => x.section === section && x.entry === entry && x.highlight === h)
    if (hd && !hd.kept) found.push({ kind: 'highlight', reason: hd.reason, path: [section, entry, 'highlights', h], section })
  }
  return found
}

/** What the tailoring of one target needs to try changes: the resume and layers, and a way to re-run it. */
export interface Retailor {
  resume: Resume
  layers: TailorLayer[]
  run(resume: Resume, layers: TailorLayer[]): Promise<Tailored>
  source: Source
  variant?: VariantDef
}

const at = (file: string, p: { line: number; column: number }): string => `${file}:${p.line}:${p.column}`

/** The edits one blocker calls for, worded, or none when no edit of tags or settings can help. */
function changesFor(b: Blocker, ctx: Retailor, layers: TailorLayer[]): Change[] {
  const here = at(ctx.source.file, placeOf(ctx.source, b.path))
  const where = formatPath(b.path)
  const variant = ctx.variant
  const variantAt = (key: string): string => (variant ? at(variant.file, variant.place([key]) ?? variant.place([]) ?? { line: 1, column: 1 }) : here)
  let m = /^tag (\S+) is excluded by (.+)$/.exec(b.reason)
  if (m) return [{ kind: 'remove-tag', at: here, path: where, tag: m[1], text: `remove the tag ${m[1]} from ${where} (${here})` }]
  m = /^none of its tags \(.*\) is among (.+)'s tags \(([^)]*)\)$/.exec(b.reason)
  if (m) {
    const tag = m[2]!.split(', ')[0]!
    return [{ kind: 'add-tag', at: here, path: where, tag, text: `add the tag ${tag} to ${where} (${here})` }]
  }
  m = /^beyond the (\d+) highlights per entry that (.+) allows$/.exec(b.reason)
  if (m) {
    const layer = layers.find((l) => l.source === m![2])
    const value = (layer?.maxHighlights ?? Number(m[1])) + 1
    const name = m[2]!.replace(/^variant /, '')
    return [
      {
        kind: 'max-highlights',
        at: variantAt('maxHighlights'),
        value,
        variant: name,
        text: `set maxHighlights to ${value} in ${m[2]} (${variantAt('maxHighlights')}), or move ${where} up`,
      },
    ]
  }
  m = /^not among (.+)'s sections$/.exec(b.reason)
  if (m) {
    const name = m[1]!.replace(/^variant /, '')
    return [{ kind: 'add-section', at: variantAt('sections'), section: b.section, variant: name, text: `add ${b.section} to the sections of ${m[1]} (${variantAt('sections')})` }]
  }
  if (b.reason === 'not among meta.sections') {
    const place = at(ctx.source.file, placeOf(ctx.source, ['meta', 'sections']))
    return [{ kind: 'add-section', at: place, section: b.section, text: `add ${b.section} to meta.sections (${place})` }]
  }
  return []
}

function withTag(value: unknown, tag: string, add: boolean): unknown {
  const item = typeof value === 'string' ? { text: value } : { ...(value as { tags?: string[] }) }
  const tags = (item as { tags?: string[] }).tags ?? []
  const next = add ? [...tags.filter((t) => t !== tag), tag] : tags.filter((t) => t !== tag)
  return { ...item, tags: next }
}

/** The resume and layers with the changes made: the copy a suggestion is checked on. */
function apply(resume: Resume, layers: TailorLayer[], changes: Change[], pathOf: Map<Change, Path>): { resume: Resume; layers: TailorLayer[] } {
  let r = structuredClone(resume) as Resume & Record<string, unknown>
  const ls = layers.map((l) => ({ ...l }))
  for (const c of changes) {
    const path = pathOf.get(c)
    if ((c.kind === 'add-tag' || c.kind === 'remove-tag') && path) {
      const [section, entry, , h] = path as [Section, number, string?, number?]
      const list = r[section] as Record<string, unknown>[]
      const target = list[entry]!
      if (h === undefined) list[entry] = withTag(target, c.tag!, c.kind === 'add-tag') as Record<string, unknown>
      else (target.highlights as Highlight[])[h] = withTag((target.highlights as Highlight[])[h], c.tag!, c.kind === 'add-tag') as Highlight
    } else if (c.kind === 'add-section' && c.variant) {
      const layer = ls.find((l) => l.source === `variant ${c.variant}`)
      if (layer) layer.sections = [...(layer.sections ?? []), c.section!]
    } else if (c.kind === 'add-section') {
      r = { ...r, meta: { ...r.meta, sections: [...((r.meta?.sections as Section[]) ?? []), c.section!] } }
    } else if (c.kind === 'max-highlights') {
      const layer = ls.find((l) => l.source === `variant ${c.variant}`)
      if (layer) layer.maxHighlights = c.value
    }
  }
  return { resume: r, layers: ls }
}

/**
 * The smallest set of edits found that shows the place: the blockers' edits, tried on a copy and
 * repeated while the copy still hides it (a highlight cap after a tag, a section after an entry).
 */
export async function suggestFor(place: ResumePlace, tailored: Tailored, ctx: Retailor): Promise<Suggestion | undefined> {
  const changes: Change[] = []
  const pathOf = new Map<Change, Path>()
  let current = tailored
  let state = { resume: ctx.resume, layers: ctx.layers }
  for (let round = 0; round < 6; round++) {
    const found = blockers(place.path, current)
    if (found.length === 0) return { text: changes.map((c) => c.text).join('; '), changes, verified: true }
    if (found.some((b) => b.kind === 'override')) return undefined
    const next = found.flatMap((b) => {
      const list = changesFor(b, ctx, state.layers)
      for (const c of list) pathOf.set(c, b.path)
      return list
    })
    if (next.length === 0) break
    // A second cap raise replaces the first rather than adding to it.
    for (const c of next) {
      const same = changes.findIndex((x) => x.kind === c.kind && x.kind === 'max-highlights' && x.variant === c.variant)
      if (same >= 0) changes.splice(same, 1, c)
      else changes.push(c)
    }
    state = apply(ctx.resume, ctx.layers, changes, pathOf)
    current = await ctx.run(state.resume, state.layers)
  }
  return changes.length ? { text: changes.map((c) => c.text).join('; '), changes, verified: false } : undefined
}
