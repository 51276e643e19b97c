import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { shellPage } from './shell.js'

/** What the page shows: the last good document, and the problems of the last save if it had any. */
export interface DevState {
  /** Counts good builds; 0 until the first. */
  version: number
  html?: string
  pdf?: Uint8Array
  /** The build that made the PDF shown (a PDF may lag its HTML). */
  pdfVersion: number
  /** Diagnostics of the last build as text with code frames, when it failed. */
  problems?: string
  warnings?: string
  /** When and how fast the last good build was made. */
  at: number
  ms: number
}

export interface DevServer {
  url: string
  /** Replaces the state and tells every open page. */
  publish(state: DevState): void
  close(): Promise<void>
}

// The rendered document: the theme's own policy, as a header too, so nothing it says can loosen it.
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

/** Whether an address to listen on is this machine only (127.0.0.0/8, ::1, localhost). */
export const isLoopback = (host: string): boolean =>
  LOOPBACK.has(host.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(host) || /^::ffff:127(?:\.\d{1,3}){3}$/i.test(host) || /^\[::1\]$/.test(host)

/**
 * Serves exactly three things: the shell page at `/`, the document (`/document.html`, and
 * `/document.pdf` with --format pdf) and the live-reload stream at `/events`. Routes are matched
 * as strings, never mapped to files, so no path (`/../`, `%2e%2e`, `//etc/passwd`) reaches the disk.
 */
export async function startServer(options: { host: string; port: number; title: string; pdf: boolean }): Promise<DevServer> {
  let state: DevState = { version: 0, pdfVersion: 0, at: 0, ms: 0 }
  const clients = new Set<ServerResponse>()
  const nonce = randomBytes(16).toString('base64')
  const shell = shellPage({ title: options.title, pdf: options.pdf, nonce })
  const loopbackOnly = isLoopback(options.host)

  const event = (): string => {
    const { version, pdfVersion, problems, warnings, at, ms } = state
    return `event: state\ndata: ${JSON.stringify({ version, pdfVersion, problems, warnings, at, ms: Math.round(ms) })}\n\n`
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Cache-Control', 'no-store')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    // A page elsewhere could reach a loopback server through DNS rebinding: only our own names answer.
    if (loopbackOnly && !LOOPBACK.has(hostname(req.headers.host))) return send(res, 403, 'text/plain', 'forbidden host\n')
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return send(res, 405, 'text/plain', 'method not allowed\n')
    }
    const path = (req.url ?? '').split('?')[0]
    switch (path) {
      case '/':
        res.setHeader(
          'Content-Security-Policy',
          `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        )
        return send(res, 200, 'text/html; charset=utf-8', shell, req.method)
      case '/document.html':
        if (state.html === undefined) return send(res, 503, 'text/plain', 'no document yet: the resume has not built\n')
        res.setHeader('Content-Security-Policy', DOCUMENT_CSP)
        res.setHeader('X-Document-Version', String(state.version))
        return send(res, 200, 'text/html; charset=utf-8', state.html, req.method)
      case '/document.pdf':
        if (!options.pdf) break
        if (state.pdf === undefined) return send(res, 503, 'text/plain', 'no PDF yet\n')
        res.setHeader('X-Document-Version', String(state.pdfVersion))
        return send(res, 200, 'application/pdf', state.pdf, req.method)
      case '/events':
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' })
        if (req.method === 'HEAD') return res.end()
        res.write(event())
        clients.add(res)
        req.on('close', () => clients.delete(res))
        return
    }
    send(res, 404, 'text/plain', 'not found\n')
  }

  const server: Server = createServer(handle)
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}/`,
    publish(next) {
      state = next
      const message = event()
      for (const client of clients) client.write(message)
    },
    async close() {
      for (const client of clients) client.end()
      clients.clear()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, method = 'GET'): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.byteLength })
  res.end(method === 'HEAD' ? undefined : bytes)
}

/** The host name of a Host header, without its port or IPv6 brackets. */
function hostname(header: string | undefined): string {
  if (!header) return ''
  const match = /^\[([^\]]+)\](?::\d+)?$/.exec(header) ?? /^([^:]+)(?::\d+)?$/.exec(header)
  return match?.[1]?.toLowerCase() ?? ''
}
