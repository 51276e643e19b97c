/** Which links a resume may hold, and which a reader may follow: one definition for every format. */

/**
 * Schemes that can run code or read the reader's files, refused everywhere. Every other scheme
 * a URL parser accepts is fine on a resume: http(s), mailto and tel, and the ones people really
 * use for contact (skype:, sms:, callto:, xmpp:, ...).
 */
const REFUSED_SCHEMES = new Set([
  'javascript:',
  'vbscript:',
  'data:',
  'file:',
  'blob:',
  'filesystem:',
  'about:',
  'view-source:',
  'jar:',
  'chrome:',
  'chrome-extension:',
  'resource:',
  'ms-appx:',
])

export const isRefusedScheme = (protocol: string): boolean => REFUSED_SCHEMES.has(protocol.toLowerCase())

/** Checks a link; returns what is wrong with it in words, or nothing. */
export function checkUrl(url: string): { code: 'URL_INVALID' | 'URL_SCHEME'; message: string; hint?: string } | undefined {
  if (url.trim() === '') return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    const bare = /^(www\.|[a-z0-9-]+\.[a-z]{2,})/i.test(url)
    return {
      code: 'URL_INVALID',
      message: `${JSON.stringify(url)} is not a full link`,
      hint: bare ? `add the scheme: https://${url}` : 'links start with https://, http://, mailto: or tel:',
    }
  }
  if (isRefusedScheme(parsed.protocol)) {
    return {
      code: 'URL_SCHEME',
      message: `links may use https, mailto, tel and the like, not ${parsed.protocol.toLowerCase()} (it can run code or read files)`,
      hint: 'a resume is opened by strangers: use https://, mailto: or tel: links',
    }
  }
  return undefined
}

/** The link itself if a reader may follow it, else undefined: shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return isRefusedScheme(new URL(url).protocol) ? undefined : url
  } catch {
    return undefined
  }
}
