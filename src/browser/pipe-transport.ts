import type { Readable, Writable } from 'node:stream'
import type { ConnectionTransport } from 'puppeteer-core'

/**
 * CDP over Chrome's --remote-debugging-pipe: JSON messages, each ended by a NUL byte. Puppeteer has
 * one inside its launcher but does not export it; having our own lets us spawn Chrome first and
 * load Puppeteer while the browser starts.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void
  private pending: Buffer[] = []
  private closed = false
  private ended = false
  private closeHandler?: () => void

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    // The browser may be gone before Puppeteer is loaded: its pipe then closed with no one listening.
    this.ended = input.closed || input.destroyed
    input.on('data', (chunk: Buffer) => this.receive(chunk))
    input.once('close', () => {
      this.ended = true
      this.closeHandler?.()
    })
    // A broken pipe means the browser died; the exit handler reports that, not a stray EPIPE.
    input.on('error', () => undefined)
    output.on('error', () => undefined)
  }

  get onclose(): (() => void) | undefined {
    return this.closeHandler
  }

  /** A browser that died before Puppeteer was listening still ends the connection, not a timeout. */
  set onclose(handler: (() => void) | undefined) {
    this.closeHandler = handler
    if (this.ended && handler) setImmediate(handler)
  }

  send(message: string): void {
    if (this.closed) return
    this.output.write(`${message}\0`)
  }

  close(): void {
    this.closed = true
  }

  private receive(chunk: Buffer): void {
    let end = chunk.indexOf(0)
    if (end === -1) {
      this.pending.push(chunk)
      return
    }
    let start = 0
    let buffered = this.pending.length > 0 ? Buffer.concat([...this.pending, chunk.subarray(0, end)]) : chunk.subarray(0, end)
    this.pending = []
    while (end !== -1) {
      const message = buffered.toString('utf8')
      // Puppeteer expects messages on a later tick, as its own transports deliver them.
      setImmediate(() => this.onmessage?.(message))
      start = end + 1
      end = chunk.indexOf(0, start)
      if (end !== -1) buffered = chunk.subarray(start, end)
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start))
  }
}
