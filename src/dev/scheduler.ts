import { nowMs } from '../core/clock.js'
import type { DevRebuilder, DevResult } from './rebuilder.js'

export interface BuildOutcome {
  result: DevResult
  /** Counts rebuilds that finished (superseded ones do not count). */
  version: number
  ms: number
}

/**
 * Runs rebuilds so that only the newest counts: a rebuild asked for while another runs aborts it
 * (its AbortSignal fires, and whatever it returns is dropped) and starts at once.
 */
export class RebuildScheduler {
  private controller: AbortController | undefined
  private running: Promise<void> | undefined
  private version = 0
  private closed = false

  constructor(
    private readonly rebuilder: DevRebuilder,
    private readonly onDone: (outcome: BuildOutcome) => void,
    private readonly onCrash: (error: unknown) => void,
  ) {}

  /** True while a rebuild runs: Ctrl-C then means "interrupted" (exit 130). */
  get busy(): boolean {
    return this.controller !== undefined
  }

  request(): void {
    if (this.closed) return
    this.controller?.abort()
    const controller = new AbortController()
    this.controller = controller
    const started = nowMs()
    const run = this.rebuilder.rebuild(controller.signal).then(
      (result) => {
        if (controller.signal.aborted || this.closed) return
        this.controller = undefined
        this.onDone({ result, version: ++this.version, ms: nowMs() - started })
      },
      (error: unknown) => {
        if (controller.signal.aborted || this.closed) return
        this.controller = undefined
        this.onCrash(error)
      },
    )
    this.running = run
  }

  /** Aborts the rebuild in flight, if any, and waits (a little) for it to settle. */
  async close(): Promise<void> {
    this.closed = true
    this.controller?.abort()
    this.controller = undefined
    await this.running
  }
}
