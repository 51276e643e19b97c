import type { Readable, Writable } from 'node:stream'
import type { ConnectionTransport } from 'puppeteer-core'

/**
 * The longest message we take from the browser. Chrome's largest replies are Page.printToPDF's,
 * the whole PDF in base64: a resume's is well under a megabyte, one with photos on many pages tens
 * of megabytes. 256 MiB is far above any of them and still under V8's longest string (2^29 - 24
 * characters, which the message becomes), so a browser that never ends a message fails the build
 * instead of taking the machine's memory.
 */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024
const TOO_LONG = `it wrote more than ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB on the DevTools pipe without ending a message`

/**
 * CDP over Chrome's --remote-debugging-pipe: JSON messages, each ended by a NUL byte. Puppeteer has
 * one inside its launcher but does not export it; having our own lets us spawn Chrome first and
 * load Puppeteer while the browser starts.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void
  /** Why the connection was dropped on our side: the browser broke the protocol. */
  failure: string | undefined
  private pending: Buffer[] = []
  private pendingBytes = 0
  private closed = false
  private ended = false
  private closeHandler?: () => void

  constructor(
    private readonly output: Writable,
    input: Readable,
    /** Called once when the browser breaks the protocol; it should kill the browser, which closes the pipe. */
    private readonly onProtocolError: (reason: string) => void = () => undefined,
  ) {
    // The browser may be gone before Puppeteer is loaded: its pipe then closed with no one listening.
    this.ended = input.closed || input.destroyed
    input.on('data', (chunk: Buffer) => this.receive(chunk))
    input.once('close', () => {
      if (this.ended) return
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

  /** Drops the connection: nothing more is read, and Puppeteer learns the pipe is closed. */
  private fail(reason: string): void {
    if (this.failure !== undefined) return
    this.failure = reason
    this.closed = true
    this.pending = []
    this.pendingBytes = 0
    this.onProtocolError(reason)
    if (!this.ended) {
      this.ended = true
      setImmediate(() => this.closeHandler?.())
    }
  }

  /** Hands a message to Puppeteer, whose parse or dispatch failing means the browser spoke nonsense. */
  private deliver(message: string): void {
    if (this.failure !== undefined) return
    const refuse = (error: unknown) => {
      const text = message.length > 60 ? `${JSON.stringify(message.slice(0, 60))}...` : JSON.stringify(message)
      this.fail(`it wrote ${text} on the DevTools pipe, which is not a DevTools message (${(error as Error).message})`)
    }
    try {
      // Puppeteer's handler is async: a parse error arrives as a rejection, not a throw.
      const handled = this.onmessage?.(message) as unknown
      if (handled instanceof Promise) handled.catch(refuse)
    } catch (error) {
      refuse(error)
    }
  }

  private receive(chunk: Buffer): void {
    if (this.failure !== undefined) return
    let end = chunk.indexOf(0)
    if (end === -1) {
      this.pendingBytes += chunk.length
      if (this.pendingBytes > MAX_MESSAGE_BYTES) this.fail(TOO_LONG)
      else this.pending.push(chunk)
      return
    }
    if (this.pendingBytes + end > MAX_MESSAGE_BYTES) {
      this.fail(TOO_LONG)
      return
    }
    let start = 0
    let buffered = this.pending.length > 0 ? Buffer.concat([...this.pending, chunk.subarray(0, end)]) : chunk.subarray(0, end)
    this.pending = []
    this.pendingBytes = 0
    while (end !== -1) {
      const message = buffered.toString('utf8')
      // Puppeteer expects messages on a later tick, as its own transports deliver them.
      setImmediate(() => this.deliver(message))
      start = end + 1
      end = chunk.indexOf(0, start)
      if (end !== -1) buffered = chunk.subarray(start, end)
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start)
      if (rest.length > MAX_MESSAGE_BYTES) {
        this.fail(TOO_LONG)
        return
      }
      this.pending.push(rest)
      this.pendingBytes = rest.length
    }
  }
}
