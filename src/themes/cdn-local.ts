import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { dirname, extname, join, sep } from 'node:path'
import { codePointsOf, intersects, parseUnicodeRange } from '../fonts/unicode-range.js'
import { cdnFiles } from './cdn-packages.js'

/** A style sheet or font of a CDN package is tens of kilobytes; this is far past any of them. */
const MAX_FILE_BYTES = 4 * 1024 * 1024
const MAX_DEPTH = 4

const MIME: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}
const FONT = /\.(woff2?|ttf|otf|eot|svg)$/i

const LINK = /<link\b[^>]*>/gi
const STYLE = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi
const COMMENT = /<!--[\s\S]*?-->/g
const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
const IMPORT = /@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)'|([^\s)'";]+))\s*\)?[^;]*;?/gi
const URL_FN = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi
const isRemote = (url: string): boolean => /^(?:https?:)?\/\//i.test(url.trim())

/**
 * A JSON Resume theme's page with the CDN files it links (Bootstrap, Font Awesome, Google Fonts,
 * the theme's own assets on unpkg) taken from the npm packages installed beside the theme and
 * inlined, fonts as data: URLs, so the page looks as its author meant and still fetches nothing.
 * Links to packages that are not installed are left for the offline rules to refuse and report.
 * HTML comments go (they hold only commented-out links and old-IE conditionals, which nothing reads).
 */
export function inlineCdnFiles(html: string, themeDir: string): string {
  const text = html.replace(/<[^>]+>/g, ' ')
  const used = codePointsOf(text)
  const packages = new Map<string, string | undefined>()
  const packageDir = (pkg: string): string | undefined => {
    if (!packages.has(pkg)) packages.set(pkg, findPackage(pkg, themeDir))
    return packages.get(pkg)
  }
  /** The CSS for a remote style sheet from local packages, or undefined when any part is missing. */
  const remoteCss = (url: string, depth: number): string | undefined => {
    const files = cdnFiles(url)
    if (files.length === 0) return undefined
    const parts: string[] = []
    for (const file of files) {
      const dir = packageDir(file.pkg)
      if (!dir) return undefined
      for (const path of file.paths) {
        const css = readInside(dir, path)
        if (css === undefined) return undefined
        parts.push(localCss(css.toString('utf8'), dir, dirname(join(dir, path)), depth + 1))
      }
    }
    return parts.join('\n')
  }
  /** A style sheet's relative references (fonts, images, @imports) inlined, within its package. */
  const localCss = (css: string, root: string, base: string, depth: number): string => {
    if (depth > MAX_DEPTH) return css
    const trimmed = keepUsedFaces(css, used)
    const hasWoff2 = /\.woff2\b/i.test(trimmed)
    return trimmed
      .replace(IMPORT, (all, a, b, c) => {
        const ref = (a ?? b ?? c ?? '').trim()
        if (isRemote(ref)) return remoteCss(ref, depth) ?? all
        const file = readInside(root, join(base, ref.split(/[?#]/)[0]!), true)
        return file ? localCss(file.toString('utf8'), root, dirname(join(base, ref)), depth + 1) : all
      })
      .replace(URL_FN, (all, a, b, c) => {
        const ref = (a ?? b ?? c ?? '').trim()
        if (!ref || /^(data|about|#)/i.test(ref)) return all
        const bare = ref.split(/[?#]/)[0]!
        // Where the sheet offers WOFF2, the older formats (EOT, TTF, SVG fonts, WOFF) are never used by Chrome.
        if (hasWoff2 && FONT.test(bare) && !/\.woff2$/i.test(bare)) return 'url("data:,")'
        const bytes = isRemote(ref) ? remoteFile(ref) : readInside(root, join(base, bare), true)
        const mime = MIME[extname(bare).toLowerCase()]
        return bytes && mime ? `url("data:${mime};base64,${bytes.toString('base64')}")` : all
      })
  }
  /** A single remote file (a font on unpkg) from its local package. */
  const remoteFile = (url: string): Buffer | undefined => {
    const [file] = cdnFiles(url)
    const dir = file && packageDir(file.pkg)
    return dir ? readInside(dir, file.paths[0]!) : undefined
  }

  return html
    .replace(COMMENT, '')
    .replace(LINK, (tag) => {
      const href = attr(tag, 'href')
      const rel = (attr(tag, 'rel') ?? '').toLowerCase()
      if (!href || !isRemote(href) || !rel.split(/\s+/).includes('stylesheet')) return tag
      const css = remoteCss(href, 0)
      const media = attr(tag, 'media')
      return css === undefined ? tag : `<style${media ? ` media="${media}"` : ''}>\n${css}\n</style>`
    })
    .replace(STYLE, (_all, open: string, css: string, close: string) => `${open}${localCss(css, themeDir, themeDir, 0)}${close}`)
}

function attr(tag: string, name: string): string | undefined {
  const m = ATTR(name).exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3])?.replace(/&amp;/g, '&') : undefined
}

/** An installed package, found the way Node finds modules: node_modules of the theme's folder and each folder above. */
function findPackage(pkg: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg)
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    if (dirname(dir) === dir) return undefined
  }
}

/** A file inside `root` (checked on the real path), at most MAX_FILE_BYTES; undefined otherwise. */
function readInside(root: string, path: string, absolute = false): Buffer | undefined {
  const full = absolute ? path : join(root, path)
  try {
    const real = realpathSync(full)
    const realRoot = realpathSync(root)
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined
    if (!statSync(real).isFile() || statSync(real).size > MAX_FILE_BYTES) return undefined
    return readFileSync(real)
  } catch {
    return undefined
  }
}

/**
 * Of a sheet's @font-face rules with a unicode-range (fontsource has one per script subset), only
 * those for characters the page uses: an English page does not carry Cyrillic or Vietnamese fonts.
 */
function keepUsedFaces(css: string, used: number[]): string {
  return css.replace(/@font-face\s*\{[^}]*\}/gi, (face) => {
    const range = /unicode-range\s*:\s*([^;}]+)/i.exec(face)?.[1]
    if (!range) return face
    try {
      return intersects(used, parseUnicodeRange(range)) ? face : ''
    } catch {
      return face
    }
  })
}
