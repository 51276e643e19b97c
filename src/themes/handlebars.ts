import { createRequire } from 'node:module'
import { join } from 'node:path'
import type Handlebars from 'handlebars'
import HandlebarsRuntime from 'handlebars/runtime.js'
import type { Block, Inline } from '../core/inline.js'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { cefrLevel } from './cefr.js'
import { inlineToHtml } from './inline-html.js'
import { loadPrecompiled } from './precompiled.js'
import type { Precompiled, Theme } from './types.js'

export type TemplateFn = (context: unknown) => Promise<string>

/** Markdown text for `inline`, parsed by markdown-it, which loads only when a template needs it. */
interface MarkdownParser {
  parse?: (text: string) => Inline[]
}

/** The `inline` helper met Markdown text before markdown-it was loaded: load it and render again. */
class NeedsMarkdown extends Error {}

/**
 * The whole of Handlebars (its parser and compiler), on first use: a shipped theme is compiled at
 * install and needs only the runtime, and the compiler's load (its parser tables) cost every build
 * ~2 ms. In the bundled CLI esbuild turns this `require` into the lazy start of its bundled copy.
 */
function fullHandlebars(): typeof Handlebars {
  return (typeof require === 'function' ? require('handlebars') : createRequire(import.meta.url)('handlebars')) as typeof Handlebars
}

/** Options shared by run-time compiles and the build-time precompile: both must make the same code. */
export const COMPILE_OPTIONS = { strict: false, preventIndent: true } as const

/**
 * A Handlebars environment of the theme's own: no helper or partial leaks between themes.
 * With `precompiled` (the shipped themes, compiled when vitae is installed) nothing is parsed
 * or compiled at run time.
 */
function environment(theme: Theme, markdown: MarkdownParser, precompiled?: Precompiled): typeof Handlebars {
  const hb = (precompiled ? (HandlebarsRuntime as unknown as typeof Handlebars) : fullHandlebars()).create()
  const parse = (text: string): Inline[] => {
    if (!markdown.parse) throw new NeedsMarkdown()
    return markdown.parse(text)
  }
  hb.registerHelper('inline', (value: unknown) => {
    // The view's text is parsed already; only a template's own choice of raw text needs markdown-it.
    const nodes: Inline[] = typeof value === 'string' ? parse(value) : Array.isArray(value) ? (value as Inline[]) : []
    return new hb.SafeString(inlineToHtml(nodes))
  })
  // Paragraphs and lists of a multi-line text: `{{blocks summary "entry-summary"}}`. One paragraph
  // renders exactly as `<p class="entry-summary">{{inline summary}}</p>` did.
  hb.registerHelper('blocks', (value: unknown, className: unknown) => {
    // Raw text from a template's own choice is one paragraph; the view's text comes as blocks already.
    const blocks: Block[] = Array.isArray(value) ? (value as Block[]) : typeof value === 'string' ? [{ type: 'paragraph', content: parse(value) }] : []
    const cls = typeof className === 'string' ? ` class="${hb.escapeExpression(className)}"` : ''
    const html = blocks
      .map((b) =>
        b.type === 'paragraph'
          ? `<p${cls}>${inlineToHtml(b.content)}</p>`
          : `<${b.ordered ? 'ol' : 'ul'} class="bullets">${b.items.map((item) => `<li>${inlineToHtml(item)}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`,
      )
      .join('\n')
    return new hb.SafeString(html)
  })
  hb.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : ''))
  // A language's level as the Common European Framework names it, when the text says one:
  // `{{#with (cefr fluency)}}{{level}} {{rest}}{{/with}}` ("C1 (Advanced)": C1 and Advanced).
  hb.registerHelper('cefr', (value: unknown) => (typeof value === 'string' ? cefrLevel(value) : undefined))
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b)
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean))
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean))
  for (const [name, source] of Object.entries(theme.partials)) {
    const spec = precompiled?.partials[name]
    if (spec) {
      hb.registerPartial(name, hb.template(spec))
    } else {
      checkSyntax(theme, source, join(theme.manifest.partials ?? '', `${name}.hbs`))
      hb.registerPartial(name, source)
    }
  }
  if (!precompiled) checkSyntax(theme, theme.template, theme.manifest.template)
  return hb
}

/**
 * The theme's main template, compiled once per loaded theme (so once per build). Handlebars
 * compiles lazily, so a syntax error in a partial surfaces at the first render: both paths become
 * exit 5 with the file and line.
 */
export function themeTemplate(theme: Theme): Promise<TemplateFn> {
  theme.compiled ??= compileTheme(theme)
  return theme.compiled
}

async function compileTheme(theme: Theme): Promise<TemplateFn> {
  const precompiled = await loadPrecompiled(theme)
  const markdown: MarkdownParser = {}
  const hb = environment(theme, markdown, precompiled)
  const template = precompiled ? hb.template(precompiled.main) : hb.compile(theme.template, COMPILE_OPTIONS)
  const render = (context: unknown) => template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false })
  return async (context) => {
    try {
      try {
        return render(context)
      } catch (error) {
        if (!(error instanceof NeedsMarkdown)) throw error
        // Templates are functions of their data (a theme folder has no code of its own): rendering again is safe.
        markdown.parse = (await import('../core/inline.js')).parseInline
        return render(context)
      }
    } catch (error) {
      throw templateError(theme, error)
    }
  }
}

/** Parses a template up front so a syntax error names its own file, not the one that included it. */
function checkSyntax(theme: Theme, source: string, file: string): void {
  try {
    fullHandlebars().parse(source)
  } catch (error) {
    throw templateError(theme, error, file)
  }
}

function templateError(theme: Theme, error: unknown, file = theme.manifest.template): VitaeError {
  const message = error instanceof Error ? error.message : String(error)
  const line = /on line (\d+)/.exec(message)?.[1]
  const partial = /partial (\S+) could not be found/.exec(message)?.[1]
  return new VitaeError(
    'theme',
    [
      {
        code: 'TEMPLATE',
        severity: 'error',
        message: partial ? `the template uses the partial ${partial}, which the theme does not have` : `template error: ${message.split('\n')[0]}`,
        file: join(theme.dir, file),
        line: line ? Number(line) : undefined,
        hint: 'the problem is in the theme, not in your resume',
      },
    ],
    { cause: error },
  )
}
