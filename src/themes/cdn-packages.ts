/**
 * Well-known CDN addresses and the npm package that holds the same files. JSON Resume themes link
 * Bootstrap, Font Awesome, Google Fonts and their own assets from CDNs; a build never fetches,
 * but where the package is installed beside the theme its files can be inlined instead
 * (src/themes/cdn-local.ts), and where it is not the warning can say what to install.
 */
export interface CdnFile {
  /** The npm package holding the file. */
  pkg: string
  /** The files inside the package, relative to its folder (Google Fonts: one per weight and style). */
  paths: string[]
  /** What to run to get it: `npm install bootstrap@3`. */
  install: string
}

/** The URL's major version ("3.3.7" → "3"), for `npm install pkg@3`. */
const major = (version: string | undefined): string => (version ? `@${version.replace(/^v/, '').split('.')[0]}` : '')

/** Scripts never run in a build, so jQuery, Bootstrap's JS and the like need nothing installed. */
export const isScriptUrl = (url: string): boolean => /\.js(?:[?#]|$)/i.test(url)

const RULES: Array<{ re: RegExp; map(m: RegExpExecArray): CdnFile }> = [
  // unpkg.com/pkg@1.2.3/path and cdn.jsdelivr.net/npm/pkg@1.2.3/path: the package itself.
  {
    re: /^(?:https?:)?\/\/(?:unpkg\.com|cdn\.jsdelivr\.net\/npm)\/((?:@[\w.-]+\/)?[\w.-]+?)(?:@([\w.^~-]+))?\/([^?#]+)/i,
    map: (m) => ({ pkg: m[1]!, paths: [m[3]!], install: `npm install ${m[1]}${major(m[2])}` }),
  },
  // Bootstrap's CSS from its CDN or cdnjs: dist/css/... in the bootstrap package.
  {
    re: /^(?:https?:)?\/\/(?:(?:maxcdn|stackpath)\.bootstrapcdn\.com\/bootstrap|cdnjs\.cloudflare\.com\/ajax\/libs\/(?:twitter-)?bootstrap|cdn\.jsdelivr\.net\/bootstrap)\/([\d.]+)\/(?:dist\/)?(css\/[^?#]+)/i,
    map: (m) => ({ pkg: 'bootstrap', paths: [`dist/${m[2]}`], install: `npm install bootstrap${major(m[1])}` }),
  },
  // Font Awesome 4 (the font-awesome package) and 5 or 6 (@fortawesome/fontawesome-free).
  {
    re: /^(?:https?:)?\/\/(?:(?:maxcdn|stackpath)\.bootstrapcdn\.com\/font-awesome|cdnjs\.cloudflare\.com\/ajax\/libs\/font-awesome|use\.fontawesome\.com\/releases)\/v?([\d.]+)\/(css\/[^?#]+)/i,
    map: (m) =>
      Number(m[1]!.split('.')[0]) <= 4
        ? { pkg: 'font-awesome', paths: [m[2]!], install: `npm install font-awesome${major(m[1])}` }
        : { pkg: '@fortawesome/fontawesome-free', paths: [m[2]!], install: `npm install @fortawesome/fontawesome-free${major(m[1])}` },
  },
]

const GOOGLE_FONTS = /^(?:https?:)?\/\/fonts\.googleapis\.com\/css2?\?(.+)$/i

/**
 * The package files a CDN address stands for: one for a library's file, one per family for
 * Google Fonts (css and css2 forms, each family an @fontsource package). Empty for an address we
 * do not know.
 */
export function cdnFiles(url: string): CdnFile[] {
  const google = GOOGLE_FONTS.exec(url.trim())
  if (google) return families(google[1]!).map(({ family, styles }) => fontsource(family, styles))
  for (const rule of RULES) {
    const m = rule.re.exec(url.trim())
    if (m) return [rule.map(m)].filter((f): f is CdnFile => f !== undefined)
  }
  return []
}

interface Family {
  family: string
  styles: Array<{ weight: string; italic: boolean }>
}

/** `family=Open+Sans:400,700i|Roboto` (css) or `family=Open+Sans:ital,wght@0,400;1,700&family=Roboto` (css2). */
function families(query: string): Family[] {
  const params = new URLSearchParams(query.replace(/&amp;/g, '&'))
  const specs = params.getAll('family').flatMap((f) => f.split('|'))
  return specs
    .filter((s) => s.trim())
    .map((spec) => {
      const [name = '', axes = ''] = spec.split(':')
      const styles: Family['styles'] = []
      if (axes.includes('@')) {
        const [keys = '', tuples = ''] = axes.split('@')
        const names = keys.split(',')
        for (const tuple of tuples.split(';')) {
          const values = tuple.split(',')
          const ital = names.indexOf('ital')
          const wght = names.indexOf('wght')
          styles.push({ weight: wght >= 0 ? (values[wght] ?? '400') : '400', italic: ital >= 0 && values[ital] === '1' })
        }
      } else {
        for (const v of axes.split(',').filter(Boolean)) {
          const m = /^(\d{3})?(i|italic)?$/i.exec(v.trim())
          if (m) styles.push({ weight: m[1] ?? (v.startsWith('bold') ? '700' : '400'), italic: Boolean(m[2]) })
          else if (/^(bold)?italic$/i.test(v)) styles.push({ weight: v.startsWith('bold') ? '700' : '400', italic: true })
          else if (/^bold$/i.test(v)) styles.push({ weight: '700', italic: false })
        }
      }
      return { family: name.trim(), styles: styles.length ? styles : [{ weight: '400', italic: false }] }
    })
}

function fontsource(family: string, styles: Family['styles']): CdnFile {
  const pkg = `@fontsource/${family.toLowerCase().replace(/\s+/g, '-')}`
  // A weight range of a variable font ("300..800") is its ends; fontsource has a file per weight.
  const paths = [...new Set(styles.flatMap((s) => s.weight.split('..').map((w) => `${w}${s.italic ? '-italic' : ''}.css`)))]
  return { pkg, paths, install: `npm install ${pkg}` }
}
