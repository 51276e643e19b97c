import { buildLetterView } from '../core/letter-view.js'
import { sectionOrder } from '../core/sections.js'
import { type Tailored, tailor } from '../core/tailor.js'
import { buildView } from '../core/view.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { cssPageName, DEFAULT_MARGINS, type Margins, type PageSettings, type PageSize, pageWithoutRoom, parseLength, parseMarginList } from '../page/geometry.js'
import { paperForLocale } from '../page/locale-paper.js'
import type { BuildBrowser, RenderContext } from '../renderers/renderer.js'
import { sideFirst } from '../themes/columns.js'
import { templateContext } from '../themes/template-context.js'
import type { Theme } from '../themes/types.js'
import type { Resume } from '../types/resume.js'
import { documentFontCss } from './fonts.js'
import type { BuildOptions } from './options.js'
import { chooseManifest, chooseTheme, documentExtras, jsonResumeHtml, letterThemeOf } from './outside.js'
import type { Plan } from './plan.js'
import type { BuildServices } from './services.js'
import type { Target } from './targets.js'

/** The theme a target is drawn with: the options', else its variant's, else the resume's, else ours (src/pipeline/outside.ts). */
export function themeFor(plan: Plan, target: Target, options: Pick<BuildOptions, 'theme' | 'strict'>, services: BuildServices): Promise<Theme> {
  return chooseTheme(plan, target, options, services)
}

/** What tailoring decided for a target (what `explain` shows), without shaping anything to draw. */
export async function tailorTarget(plan: Plan, target: Target, options: Pick<BuildOptions, 'theme' | 'strict'>, services: BuildServices): Promise<Tailored> {
  // The theme's manifest, not the theme: `resume match` tailors every variant, and again for each
  // change it suggests, and reading templates, styles and fonts it never draws was a tenth of its time.
  return tailor(plan.resume, target.layers, sectionOrder(chooseManifest(plan, target, options, services).sections))
}

/**
 * Page settings resolve as options ?? variant ?? resume meta ?? theme ?? default, and are checked
 * here, once, for room left to write on: whichever layer set the margins answers for them (the
 * option is a usage error, the resume's a validation error, the theme's a theme error).
 */
export function resolvePage(resume: Resume, theme: Theme, override: { size?: PageSize; margins?: Margins } = {}): PageSettings {
  const meta = resume.meta
  // The schema has checked meta's lengths already; these parses cannot fail on a valid resume.
  let metaMargins: Partial<Margins> = {}
  if (typeof meta?.margins === 'string') {
    const parsed = parseMarginList(meta.margins)
    if (parsed.ok) metaMargins = parsed.margins
  } else if (meta?.margins) {
    for (const [side, text] of Object.entries(meta.margins as Record<string, string>)) {
      const length = parseLength(text)
      if (length) metaMargins[side as keyof Margins] = length
    }
  }
  const themeSize = theme.page.size === 'locale' ? paperForLocale(meta?.locale ?? 'en-US') : theme.page.size
  const size = override.size ?? (meta?.page as PageSize | undefined) ?? themeSize ?? 'letter'
  const page = { size, margins: { ...DEFAULT_MARGINS, ...theme.page.margins, ...metaMargins, ...override.margins } }
  if (pageWithoutRoom([size], page.margins)) {
    const [kind, who] = override.margins
      ? (['usage', 'the margins option'] as const)
      : Object.keys(metaMargins).length > 0
        ? (['validation', 'meta.margins'] as const)
        : (['theme', `the theme ${theme.name}'s page.margins`] as const)
    throw new VitaeError(kind, [
      {
        code: kind === 'usage' ? 'BAD_FLAG' : kind === 'validation' ? 'RANGE' : 'THEME',
        severity: 'error',
        message: `${who} leave${kind === 'usage' ? 's' : ''} less than an inch of the ${cssPageName(size)} page for text`,
        hint: 'use smaller margins, such as 0.5in',
        ...(kind === 'usage' ? { options: ['margins' as const] } : {}),
      },
    ])
  }
  return page
}

/** One target, tailored and shaped for its theme: everything its renderers are given but the build's own settings. */
export type DocumentContext = Omit<RenderContext, 'timeout' | 'log' | 'sourceDate'>

export async function prepareTarget(
  plan: Plan,
  target: Target,
  options: Pick<BuildOptions, 'theme' | 'page' | 'strict' | 'sourceDate'>,
  services: BuildServices,
): Promise<{ tailored: Tailored; document: DocumentContext }> {
  const chosen = await themeFor(plan, target, options, services)
  // A cover letter draws with the theme's letter template; its letterhead is the tailored resume's header.
  const theme = target.letter ? await letterThemeOf(plan, chosen, services) : chosen
  const tailored = tailor(plan.resume, target.layers, sectionOrder(theme.manifest.sections))
  const letterLocale = target.letter?.def.locale
  const resume = letterLocale ? { ...tailored.resume, meta: { ...tailored.resume.meta, locale: letterLocale } } : tailored.resume
  const pageSize = options.page?.size ?? ((target.letter?.def.page ?? target.variant?.def.page) as PageSize | undefined)
  const page = resolvePage(resume, theme, { size: pageSize, margins: options.page?.margins })
  const locale = resume.meta?.locale ?? 'en-US'
  const resumeView = sideFirst(
    buildView(resume, {
      sections: sectionOrder(theme.manifest.sections),
      labels: services.labels(locale, { themeHeadings: theme.manifest.headings, headings: resume.meta?.headings, labels: resume.meta?.labels }),
      locale,
      inline: services.inline,
      blocks: services.blocks,
      dates: services.dates(locale),
    }),
    theme.manifest.side,
  )
  const letter = target.letter
    ? buildLetterView(target.letter.def, resumeView, resumeView.labels, { locale, today: options.sourceDate ?? new Date(), inline: services.inline, blocks: services.blocks })
    : undefined
  // A document's properties (PDF and Word metadata, the page title) are the letter's for a letter.
  const view = letter ? { ...resumeView, properties: letter.properties } : resumeView
  const { options: themeOptions, photo } = documentExtras(plan, target, theme, resume, services)
  let html: Promise<string> | undefined
  // Theme code (Handlebars helpers, a JSON Resume theme's render) may loop: it runs where the build's
  // deadline can stop it. The page it makes is then kept from fetching anything, and what it would
  // have fetched is noted for the build's one warning. Only the formats that ask for it pay for it.
  const renderOnce = async () => {
    const rendered = theme.jsonResume
      ? // The CDN files a JSON Resume theme links, from the packages installed beside it.
        (await import('../themes/cdn-local.js')).inlineCdnFiles(await jsonResumeHtml(theme, resume, services), theme.jsonResume.dir)
      : await services.renderTemplate(
          theme,
          templateContext({ view, resume, theme, page, options: themeOptions, photo, letter, fontCss: documentFontCss(theme, view, services, letter) }),
          `rendering the theme ${theme.name}`,
        )
    const { offlineHtml, withoutRemoteLoads } = await import('../renderers/offline-html.js')
    const offline = offlineHtml(rendered)
    for (const url of offline.remote) services.refused.add(url)
    return theme.jsonResume ? withoutRemoteLoads(offline.html) : offline.html
  }
  const browser = (): Promise<BuildBrowser> => services.browser()
  return { tailored, document: { resume, view, theme, page, html: () => (html ??= renderOnce()), browser, options: themeOptions, photo, ...(letter ? { letter } : {}) } }
}
