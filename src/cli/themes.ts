import { listThemes } from '../themes/packages.js'
import { EXIT_CODES } from './exit-codes.js'
import type { Io } from './io.js'

/** `resume themes [dir]`: what --theme and meta.theme can name from a resume in `dir`. */
export async function runThemes(dir: string, flags: { json?: boolean }, io: Io): Promise<number> {
  const themes = listThemes(dir)
  if (flags.json) {
    io.out(
      JSON.stringify(
        themes.map(({ name, kind, version, description, dir }) => ({ name, kind, version: version ?? null, description: description ?? null, dir })),
        null,
        2,
      ),
    )
    return EXIT_CODES.ok
  }
  const width = Math.max(4, ...themes.map((t) => t.name.length))
  const kindWidth = Math.max(...themes.map((t) => t.kind.length))
  for (const t of themes) {
    io.out(`${t.name.padEnd(width)}  ${t.kind.padEnd(kindWidth)}  ${(t.version ?? '').padEnd(8)}  ${t.description ?? ''}`.trimEnd())
  }
  if (!themes.some((t) => t.kind !== 'built-in')) io.out('\nInstall more: npm install jsonresume-theme-NAME (or vitae-theme-NAME) beside your resume, then --theme NAME.')
  return EXIT_CODES.ok
}
