import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Worker } from 'node:worker_threads'
import { fromWire, type HostCall, type HostReply, type SandboxReply, type SandboxRequest, toWire } from './protocol.js'

/**
 * A module of ours that runs in the sandbox, by file name: beside this file when compiled
 * (lib/sandbox/ and the bundle's lib/bundle/ are both flat there), else, when running from the
 * TypeScript sources (in-process tests), the bundle's copy.
 */
export function sandboxModule(name: string): string {
  const here = new URL(`./${name}.js`, import.meta.url)
  return existsSync(fileURLToPath(here)) ? here.href : new URL(`../../lib/bundle/${name}.js`, import.meta.url).href
}

/** What a call into the sandbox is: an export of a module, and arguments the structured clone can copy. */
export interface SandboxCall {
  module: string
  name: string
  args: unknown[]
}

export interface CallLimits {
  /** Milliseconds the call may take; past it, the worker is terminated. */
  timeoutMs: number
  /** The error the caller sees when the time is up. */
  onTimeout(): Error
}

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
  /** Answers the call's requests to the main thread (see SandboxRequest.host). */
  host?: (name: string, args: unknown[]) => Promise<unknown>
}

/** Memory a sandboxed render may use: a resume's HTML is a few megabytes; a runaway template is not. */
const HEAP_MB = 512

/**
 * The worker bin/prestart-sandbox.js started as the CLI loaded (the command line named a theme from
 * outside), taken once, if it is still running and has this sandbox's heap limit; else undefined.
 */
function earlyWorker(): Worker | undefined {
  const slot = Symbol.for('vitae.earlyWorker')
  const holder = globalThis as { [key: symbol]: { worker: Worker; exited: boolean } | undefined }
  const early = holder[slot]
  if (!early) return undefined
  holder[slot] = undefined
  if (!early.exited && early.worker.resourceLimits?.maxOldGenerationSizeMb === HEAP_MB) return early.worker
  void early.worker.terminate()
  return undefined
}

/**
 * One worker thread for code from outside, started on first use (or warmed early) and serving
 * every call of a build. A call past its deadline terminates the worker (a loop in a template
 * cannot be interrupted any other way); the next call starts a new one. The main thread never
 * runs template code, so Ctrl-C and SIGTERM are answered at once: process.exit ends the worker too.
 */
export class Sandbox {
  /** `log`: --verbose's lines (which worker a build took). */
  constructor(private readonly log: (message: string) => void = () => undefined) {}

  private worker: Worker | undefined
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private closed = false

  /** Starts the worker and loads `module` in it, so the first call does not wait for either. */
  warm(module: string): void {
    if (this.closed) return
    this.post({ id: this.nextId++, module, args: [] }).catch(() => undefined)
  }

  /**
   * Calls `call` in the worker, within `limits`. With `host`, the function in the worker may call
   * back (its last argument): `host(name, args)` answers on this thread, while the deadline runs.
   */
  async run(call: SandboxCall, limits: CallLimits, host?: Pending['host']): Promise<unknown> {
    if (this.closed) throw new Error('the build is over: its sandbox is closed')
    let timer: NodeJS.Timeout | undefined
    const id = this.nextId++
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.pending.delete(id)
        // The only way to stop code that loops; other calls in the worker fail with it (a plugin
        // waiting on this theme render, say), for the same reason.
        const error = limits.onTimeout()
        void this.stop(error)
        reject(error)
      }, limits.timeoutMs)
    })
    try {
      return await Promise.race([this.post({ id, module: call.module, name: call.name, args: call.args, host: host !== undefined }, host), deadline])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Whether a call is running (a deadline elsewhere then stops the worker). */
  get busy(): boolean {
    return this.pending.size > 0
  }

  /** Terminates the worker; calls in flight fail (with `reason`, if given). The next call starts a new worker. */
  async stop(reason?: Error): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    this.failAll(reason ?? new Error('the render worker was stopped'))
    // Held until it is gone: an idle (unreferenced) worker would otherwise let the process end
    // with this await unsettled.
    worker?.ref()
    await worker?.terminate()
  }

  /** Terminates the worker for good (the build's end). */
  async dispose(): Promise<void> {
    this.closed = true
    await this.stop()
  }

  private post(request: SandboxRequest, host?: Pending['host']): Promise<unknown> {
    const worker = this.start()
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject, host })
      // A worker at work keeps the process alive; an idle one must not.
      worker.ref()
      worker.postMessage(request)
    })
  }

  private start(): Worker {
    if (this.worker) return this.worker
    // What theme or plugin code prints goes to stderr: stdout is the CLI's (a --json report).
    // Loaded here, on first use: most builds run no outside code, and node:worker_threads costs ~2 ms to load.
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')
    const early = earlyWorker()
    if (early) this.log('sandbox: taking the worker started as the CLI loaded (--theme names a theme from outside)')
    const worker = early ?? new Worker(new URL(sandboxModule('worker-main')), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, stdout: true, stderr: false })
    worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk))
    worker.on('message', (message: SandboxReply | HostCall) => {
      // A stopped worker's last words: its calls have failed already, and it must stay referenced until gone.
      if (this.worker !== worker) return
      if (message.kind === 'host') return this.answer(worker, message)
      const reply = message
      const pending = this.pending.get(reply.id)
      this.pending.delete(reply.id)
      if (this.pending.size === 0) worker.unref()
      if (!pending) return
      if (reply.ok) pending.resolve(reply.value)
      else pending.reject(fromWire(reply.error))
    })
    // A worker that dies on its own (out of memory, say) fails its calls; one we stopped has already.
    worker.on('error', (error) => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.failAll(new Error(`the render worker failed: ${error.message}`))
    })
    worker.on('exit', () => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.failAll(new Error('the render worker exited'))
    })
    worker.unref()
    this.worker = worker
    return worker
  }

  /** Runs a call's request to the main thread and posts the outcome back, unless the worker is gone by then. */
  private answer(worker: Worker, call: HostCall): void {
    const host = this.pending.get(call.id)?.host
    const work = host ? host(call.name, call.args) : Promise.reject(new Error(`no call ${call.id} is waiting for ${call.name}`))
    work.then(
      (value) => {
        if (this.worker === worker) worker.postMessage({ kind: 'host-reply', seq: call.seq, ok: true, value } satisfies HostReply)
      },
      (error: unknown) => {
        if (this.worker === worker) worker.postMessage({ kind: 'host-reply', seq: call.seq, ok: false, error: toWire(error) } satisfies HostReply)
      },
    )
  }

  private failAll(error: Error): void {
    const list = [...this.pending.values()]
    this.pending.clear()
    for (const p of list) p.reject(error)
  }
}
