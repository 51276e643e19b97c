import { formatPath } from '../core/paths.js'
import type { Tailored } from '../core/tailor.js'
import { type Plan, plan } from '../pipeline/plan.js'
import { tailorTarget, themeFor } from '../pipeline/prepare.js'
import { BuildServices } from '../pipeline/services.js'
import type { Target } from '../pipeline/targets.js'
import { EXIT_CODES } from './exit-codes.js'
import { type Io, printDiagnostics } from './io.js'
import { type BuildFlags, tailorOptions } from './options.js'

/** `resume explain`: for each target, what is kept and dropped, and the rule that decided. */
export async function runExplain(file: string, flags: BuildFlags, io: Io): Promise<number> {
  const p = await plan(file, tailorOptions(flags))
  printDiagnostics(io, p.diagnostics, new Map([[p.source.file, p.source.text]]))
  const reports = []
  // Only themes are loaded (their default section order): explain shapes nothing to draw.
  const services = new BuildServices({ timeoutMs: 0, log: () => undefined })
  try {
    for (const target of p.targets) {
      if (target.letter) {
        const letter = await explainLetter(p, target, services)
        reports.push({ letter })
        if (!flags.json) io.out(letterText(letter, io.color))
        continue
      }
      const tailored = await tailorTarget(p, target, {}, services)
      reports.push({ target: target.variant?.name ?? null, output: target.name, description: target.variant?.def.description ?? null, ...tailored })
      if (!flags.json) io.out(explainText(target.variant?.name, target.variant?.def.description, target.name, tailored, io.color))
    }
  } finally {
    await services.dispose()
  }
  // Found while choosing themes (one named in the file but not installed, say).
  printDiagnostics(io, services.warnings, new Map([[p.source.file, p.source.text]]))
  if (flags.json) {
    io.out(
      JSON.stringify(
        reports.map((r) =>
          'letter' in r
            ? r
            : {
                variant: r.target,
                output: r.output,
                description: r.description,
                sections: r.sections,
                decisions: r.decisions,
                overrides: r.overrides.map((o) => ({ path: formatPath(o.path), value: o.value, origin: o.origin })),
              },
        ),
        null,
        2,
      ),
    )
  }
  return EXIT_CODES.ok
}

/** What a letter is built with: the variant it goes with, its locale and theme (and whose letter template). */
async function explainLetter(p: Plan, target: Target, services: BuildServices) {
  const letter = target.letter!
  const theme = await themeFor(p, target, {}, services)
  const tailored = await tailorTarget(p, target, {}, services)
  const ownTemplate = Boolean(theme.letter && !theme.jsonResume)
  return {
    name: letter.name,
    file: letter.file,
    output: target.name,
    variant: target.variant?.name ?? null,
    resume: target.resumeName ?? null,
    locale: letter.def.locale ?? tailored.resume.meta?.locale ?? 'en-US',
    theme: theme.name,
    letterTemplate: ownTemplate ? theme.name : 'classic',
  }
}

function letterText(l: Awaited<ReturnType<typeof explainLetter>>, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[0m` : s)
  return `${[
    `${bold(`letter ${l.name}`)}  (${l.file})`,
    `  output: ${l.output}.*`,
    `  goes with: ${l.variant ? `the variant ${l.variant}` : 'the resume as written'} (${l.resume}.*)`,
    `  locale: ${l.locale}`,
    `  theme: ${l.theme}${l.letterTemplate === l.theme ? '' : ` (no letter template: ${l.letterTemplate}'s letter)`}`,
  ].join('\n')}\n`
}

function explainText(variant: string | undefined, description: string | undefined, output: string, t: Tailored, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s)
  const keep = paint('32', '+')
  const drop = paint('31', '-')
  const lines = [paint('1', variant ? `variant ${variant}${description ? ` — ${description}` : ''}` : 'the resume as written, with the flags applied'), `  output: ${output}.*`]
  for (const o of t.overrides) lines.push(`  set ${formatPath(o.path)} = ${JSON.stringify(o.value)}  (${o.origin})`)
  for (const section of t.sections) {
    lines.push(`${section.kept ? keep : drop} ${section.id}: ${section.reason}`)
    if (!section.kept && !section.reason.startsWith('omitted')) continue
    for (const d of t.decisions.filter((x) => x.section === section.id)) {
      const indent = d.highlight === undefined ? '    ' : '        '
      lines.push(`${indent}${d.kept ? keep : drop} ${d.label}  ${paint('2', `(${d.reason})`)}`)
    }
  }
  return `${lines.join('\n')}\n`
}
