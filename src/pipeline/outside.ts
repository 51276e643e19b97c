import { inlinePhoto } from '../core/photo.js'
import { locatorOf, placeOf } from '../core/source.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { toPlainJsonResume } from '../themes/jsonresume-data.js'
import { letterTheme } from '../themes/letter.js'
import { resolveThemeOptions, type ThemeOptions } from '../themes/options.js'
import { FALLBACK_THEME, installHint, loadLocated, locatedManifest, locateTheme, type ThemeLocation, themeNotFound } from '../themes/resolve.js'
import type { Theme, ThemeManifest } from '../themes/types.js'
import type { Resume } from '../types/resume.js'
import { type BuildOptions, DEFAULT_THEME } from './options.js'
import type { Plan } from './plan.js'
import type { BuildServices } from './services.js'
import type { Target } from './targets.js'

/**
 * Where the theme a target is drawn with is: the options', else its variant's, else the resume's,
 * else ours; a folder, a theme of vitae's, or an installed package. A theme the FILE names that is not
 * installed (JSON Resume files name theirs: `meta.theme: elegant`) is a warning saying what to
 * install, and the build goes on with classic; one the caller names is exit 5.
 */
function chosenLocation(plan: Plan, target: Target, options: Pick<BuildOptions, 'theme' | 'strict'>, services: BuildServices): ThemeLocation {
  const fromLetter = target.letter?.def.theme
  const fromVariant = target.variant?.def.theme
  const fromMeta = plan.resume.meta?.theme
  const name = options.theme ?? fromLetter ?? fromVariant ?? fromMeta ?? DEFAULT_THEME
  const located = locateTheme(name, plan.resumeDir)
  if (located) return located
  if (options.theme !== undefined || (fromLetter === undefined && fromVariant === undefined && fromMeta === undefined)) throw themeNotFound(name, plan.resumeDir)
  const where =
    fromLetter !== undefined && target.letter
      ? { file: target.letter.file, ...target.letter.place(['theme']) }
      : fromVariant !== undefined && target.variant
        ? { file: target.variant.file, ...target.variant.place(['theme']) }
        : { file: plan.source.file, ...placeOf(plan.source, ['meta', 'theme']) }
  const diagnostic = {
    code: 'THEME_NOT_INSTALLED' as const,
    severity: options.strict ? ('error' as const) : ('warning' as const),
    message: `the theme ${name} is not installed; building with ${FALLBACK_THEME}`,
    hint: `${installHint(name)} beside the resume to use it, or run resume themes to see what is installed`,
    ...where,
  }
  if (options.strict) throw new VitaeError('theme', [diagnostic])
  services.warn(diagnostic)
  return locateTheme(FALLBACK_THEME, plan.resumeDir)!
}

/** The theme a target is drawn with (chosenLocation), loaded once per build. */
export async function chooseTheme(plan: Plan, target: Target, options: Pick<BuildOptions, 'theme' | 'strict'>, services: BuildServices): Promise<Theme> {
  return loadLocated(chosenLocation(plan, target, options, services), services.themes, (dir, name) => services.jsonResumePdfOptions(dir, name))
}

/**
 * The manifest of the theme chooseTheme would choose, the same warnings said, without loading the
 * theme: its templates, styles and fonts (or, for a JSON Resume theme, its package in the sandbox).
 * Tailoring needs no more than the sections' order (`resume match`, `resume explain`).
 */
export function chooseManifest(plan: Plan, target: Target, options: Pick<BuildOptions, 'theme' | 'strict'>, services: BuildServices): ThemeManifest {
  return locatedManifest(chosenLocation(plan, target, options, services), services.manifests)
}

/**
 * Starts loading the JSON Resume theme the options name, in the build's sandbox, before the resume is
 * read: the worker's start and the theme's import (most of such a build) then overlap reading and
 * validating the resume, on another core. chooseTheme later takes the same load from the theme
 * cache, and reports its failure, if any, at its place; a resume that fails first makes it moot.
 */
export function preloadNamedTheme(name: string | undefined, resumeDir: string, services: BuildServices): void {
  if (name === undefined) return
  const located = locateTheme(name, resumeDir)
  if (located?.kind !== 'jsonresume') return
  loadLocated(located, services.themes, (dir, name) => services.jsonResumePdfOptions(dir, name)).catch(() => undefined)
}

/**
 * The theme as it draws a cover letter: its own letter template, or (a JSON Resume theme, a theme
 * package from before letters) classic's, with one warning saying so.
 */
export async function letterThemeOf(plan: Plan, theme: Theme, services: BuildServices): Promise<Theme> {
  if (theme.letter && !theme.jsonResume) return letterTheme(theme)
  services.warn({
    code: 'LETTER_FALLBACK',
    severity: 'warning',
    message: `the theme ${theme.name} has no cover letter template: letters use the ${FALLBACK_THEME} theme's`,
    hint: 'a theme ships one as "letter": { "template": "letter.hbs" } in its theme.json (schema/theme.schema.json)',
  })
  return letterTheme(await loadLocated(locateTheme(FALLBACK_THEME, plan.resumeDir)!, services.themes, (dir, name) => services.jsonResumePdfOptions(dir, name)))
}

/** What a document takes from outside the view: the theme's options and, for a theme that shows one, the photo. */
export function documentExtras(plan: Plan, target: Target, theme: Theme, tailored: Resume, services: BuildServices): { options: ThemeOptions; photo?: string } {
  const { options, warnings } = resolveThemeOptions(theme, { source: plan.source, resume: plan.resume, variant: target.variant, layers: target.layers, letter: target.letter })
  for (const w of warnings) services.warn(w)
  // Nothing is lost silently: a field the theme says it leaves out is named when the resume fills it.
  for (const field of theme.manifest.omits ?? []) {
    if (hasValueAt(tailored, field))
      services.warn({
        code: 'FIELD_OMITTED',
        severity: 'warning',
        message: `the theme ${theme.name} does not show ${field}, which the resume fills`,
        hint: 'another theme shows it (every built-in theme shows every field), or move the text to a field this theme shows',
      })
  }
  if (!theme.manifest.photo) return { options }
  const { photo, warnings: photoWarnings } = inlinePhoto(tailored.basics?.image, plan.resumeDir, locatorOf(plan.source))
  for (const w of photoWarnings) services.warn(w)
  return { options, photo }
}

/** Whether a path such as `work[].description` holds a non-blank value anywhere in the resume. */
function hasValueAt(data: unknown, path: string): boolean {
  const [head, ...rest] = path.split('.')
  if (!head) return data !== undefined && data !== null && !(typeof data === 'string' && data.trim() === '') && !(Array.isArray(data) && data.length === 0)
  const key = head.replace(/\[\]$/, '')
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined
  if (head.endsWith('[]')) return Array.isArray(value) && value.some((item) => hasValueAt(item, rest.join('.')))
  return hasValueAt(value, rest.join('.'))
}

/** A JSON Resume theme's HTML for the tailored resume (the one place prepare calls outside theme code). */
export function jsonResumeHtml(theme: Theme, resume: Resume, services: BuildServices): Promise<string> {
  return services.renderJsonResume(theme.jsonResume!.dir, toPlainJsonResume(resume), `rendering the JSON Resume theme ${theme.name}`)
}
