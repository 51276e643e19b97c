/**
 * Keeps a theme's HTML from fetching anything, wherever it is opened: a Content-Security-Policy
 * that allows inline styles and data: URLs only, at the top of the head, unless the theme's own
 * policy already says as much before anything asks for a resource. The references that would have
 * fetched something are returned, so the build can say what the theme asked for in vain.
 */
export const OFFLINE_POLICY = "default-src 'none'; style-src 'unsafe-inline' data:; img-src data:; font-src data:; media-src data:; base-uri 'none'; form-action 'none'"

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${OFFLINE_POLICY}">`

/** Sources an offline policy may name. */
const OFFLINE_SOURCES = new Set(["'none'", "'unsafe-inline'", 'data:'])

/** Links that name a page rather than load a resource. */
const NAVIGATION_RELS = new Set(['alternate', 'author', 'bookmark', 'canonical', 'help', 'license', 'me', 'next', 'nofollow', 'noopener', 'noreferrer', 'prev', 'search', 'tag'])

const TAG = /<([a-zA-Z][\w:-]*)(\s[^>]*)?>/g
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi
const CSS_IMPORT = /@import\s+(?:"([^"]*)"|'([^']*)')/gi

/** An absolute URL that leaves the document: the network (or a protocol-relative one), or a local file. */
const isRemote = (url: string): boolean => /^\s*(?:\/\/|[a-z][a-z0-9+.-]*:)/i.test(url) && !/^\s*(?:data|about|blob|javascript|mailto|tel):/i.test(url)

const unquote = (value: string | undefined): string => {
  if (value === undefined) return ''
  const v = value.startsWith('"') || value.startsWith("'") ? value.slice(1, -1) : value
  return v
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
}

function attributes(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>()
  for (const m of (text ?? '').matchAll(ATTRIBUTE)) if (!map.has(m[1]!.toLowerCase())) map.set(m[1]!.toLowerCase(), unquote(m[2]))
  return map
}

function cssUrls(css: string): string[] {
  const urls: string[] = []
  for (const m of css.matchAll(CSS_URL)) urls.push((m[1] ?? m[2] ?? m[3] ?? '').trim())
  for (const m of css.matchAll(CSS_IMPORT)) urls.push((m[1] ?? m[2] ?? '').trim())
  return urls
}

/** The URLs an element would load, by its attributes (links of `<a>` and `<area>` load nothing). */
function elementUrls(tag: string, attrs: Map<string, string>): string[] {
  const urls: string[] = []
  if (tag === 'a' || tag === 'area') return urls
  for (const name of ['src', 'data', 'poster', 'background', 'xlink:href']) if (attrs.has(name)) urls.push(attrs.get(name)!)
  if (attrs.has('href')) {
    const rels = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    if (tag !== 'link' || rels.length === 0 || rels.some((r) => !NAVIGATION_RELS.has(r))) urls.push(attrs.get('href')!)
  }
  for (const name of ['srcset', 'imagesrcset']) {
    for (const candidate of (attrs.get(name) ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0]
      if (url) urls.push(url)
    }
  }
  if (attrs.has('style')) urls.push(...cssUrls(attrs.get('style')!))
  return urls
}

/** Whether a policy allows nothing but inline styles and data: URLs. */
function isOfflinePolicy(policy: string): boolean {
  const directives = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0])
  const fallback = directives.find((d) => d[0]!.toLowerCase() === 'default-src')
  if (fallback?.length !== 2 || fallback[1] !== "'none'") return false
  return directives.every((d) => d.slice(1).every((source) => OFFLINE_SOURCES.has(source.toLowerCase())))
}

export interface OfflineHtml {
  html: string
  /** What the page would have fetched, in document order, each once. */
  remote: string[]
}

export function offlineHtml(page: string): OfflineHtml {
  const remote = new Set<string>()
  const html = withoutFetchingTags(page, remote)
  let firstFetch = Infinity
  let offlinePolicyAt = Infinity
  for (const m of html.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase()
    const attrs = attributes(m[2])
    if (tag === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy' && isOfflinePolicy(attrs.get('content') ?? '')) {
      offlinePolicyAt = Math.min(offlinePolicyAt, m.index)
    }
    const urls = elementUrls(tag, attrs).filter(isRemote)
    if (urls.length > 0) firstFetch = Math.min(firstFetch, m.index)
    for (const url of urls) remote.add(url.trim())
  }
  for (const m of html.matchAll(STYLE_BLOCK)) {
    const urls = cssUrls(m[1]!).filter(isRemote)
    if (urls.length > 0) firstFetch = Math.min(firstFetch, m.index)
    for (const url of urls) remote.add(url)
  }
  // A policy binds only from the head, and only what comes after it.
  const headEnd = html.search(/<\/head\s*>|<body[\s>]/i)
  const covered = offlinePolicyAt < firstFetch && (headEnd < 0 || offlinePolicyAt < headEnd)
  return { html: covered ? html : withPolicy(html), remote: [...remote] }
}

/** Link relations that make the browser reach out by themselves, before anything is shown or clicked. */
const FETCHING_RELS = new Set(['preconnect', 'dns-prefetch', 'prefetch', 'prerender', 'preload', 'modulepreload'])

/**
 * Removes what a Content-Security-Policy does not stop, or stops only after the request has
 * left: `<meta http-equiv="refresh">` (a navigation, to anywhere, when the file is opened; in a
 * printing browser it swaps the page mid-print) and links that warm up connections or fetch ahead
 * (`preconnect`, `dns-prefetch`, `prefetch`, `prerender`, and `preload` of anything not inline).
 * Their targets join `remote`, so the build's warning names them.
 */
function withoutFetchingTags(html: string, remote: Set<string>): string {
  return html.replace(TAG, (tag, name: string, rest: string | undefined) => {
    const element = name.toLowerCase()
    if (element !== 'meta' && element !== 'link') return tag
    const attrs = attributes(rest)
    if (element === 'meta') {
      if (attrs.get('http-equiv')?.trim().toLowerCase() !== 'refresh') return tag
      const target = /url\s*=\s*['"]?([^'"\s;]+)/i.exec(attrs.get('content') ?? '')?.[1]
      if (target && isRemote(target)) remote.add(target)
      return ''
    }
    const rels = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const href = (attrs.get('href') ?? '').trim()
    if (!rels.some((r) => FETCHING_RELS.has(r))) return tag
    // An inline preload (a data: font) fetches nothing; everything else here reaches out.
    if (/^data:/i.test(href) && !rels.some((r) => r !== 'preload' && r !== 'modulepreload' && FETCHING_RELS.has(r))) return tag
    if (isRemote(href)) remote.add(href)
    return ''
  })
}

/** Our policy first in the head (a policy binds only what comes after it). */
function withPolicy(html: string): string {
  const anchor = /<head\b[^>]*>/i.exec(html) ?? /<html\b[^>]*>/i.exec(html) ?? /<!doctype\b[^>]*>/i.exec(html)
  const at = anchor ? anchor.index + anchor[0].length : 0
  return `${html.slice(0, at)}\n${CSP_META}${html.slice(at)}`
}

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi
const LINK = /<link\b[^>]*>/gi
const LINK_HREF = /\bhref\s*=\s*(["']?)([^"'\s>]*)\1/i
const REMOTE_IMPORT = /@import\s+(?:url\(\s*)?["']?\s*(?:https?:)?\/\/[^;]*;?/gi

/**
 * A foreign page (a JSON Resume theme's) without what it would load from elsewhere: scripts,
 * remote style sheets and @imports. The policy already blocks them; removing them keeps the file
 * honest about what it shows.
 */
export function withoutRemoteLoads(html: string): string {
  return html
    .replace(SCRIPT, '')
    .replace(LINK, (tag) => (isRemote(LINK_HREF.exec(tag)?.[2] ?? '') ? '' : tag))
    .replace(REMOTE_IMPORT, '')
}
