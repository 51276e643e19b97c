import type { Theme } from './types.js'

/**
 * The theme as it draws a cover letter: its fonts, colours, partials (the header is the letterhead)
 * and styles, with the letter's template and stylesheets. Made once per loaded theme, so its
 * compiled template is kept for every letter of the build.
 */
export function letterTheme(theme: Theme): Theme {
  if (!theme.letter) throw new Error(`the theme ${theme.name} has no letter template`)
  const cached = letterThemes.get(theme)
  if (cached) return cached
  const { compiled: _compiled, precompiled: _precompiled, letter, ...rest } = theme
  const made: Theme = { ...rest, template: letter.template, css: `${theme.css}\n${letter.css}`, document: 'letter' }
  letterThemes.set(theme, made)
  return made
}

// Keyed by the loaded theme, which the build's theme cache owns: it goes when the build does.
const letterThemes = new WeakMap<Theme, Theme>()
