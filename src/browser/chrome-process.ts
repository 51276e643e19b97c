import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'
import { setTimeout as delay } from 'node:timers/promises'
import { onProcessExit } from './exit-hook.js'
import { chromeArgs } from './flags.js'
import { createProfile, removeProfile, sweepStaleProfiles } from './profile.js'

/**
 * One Chrome process: spawned in its own process group with a fresh profile and a CDP pipe, and
 * killed with everything it started. Puppeteer only talks to it; the lifetime is ours, so that
 * Ctrl-C, SIGTERM, a timeout or an error all end the same way.
 */
export class ChromeProcess {
  readonly executablePath: string
  readonly userDataDir: string
  /** Settles when the browser process has exited, whatever the reason. */
  readonly exited: Promise<void>
  private readonly child: ChildProcess
  private readonly removeHandlers: () => void
  private stderr = ''
  private readonly stderrClosed: Promise<unknown>
  private spawnError: Error | undefined
  private dead = false

  constructor(executablePath: string, options: { noSandbox: boolean }) {
    this.executablePath = executablePath
    this.userDataDir = createProfile()
    this.child = spawn(executablePath, chromeArgs({ userDataDir: this.userDataDir, noSandbox: options.noSandbox }), {
      // Its own process group, so one kill reaches the renderer and GPU helpers too.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    })
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      // Only the tail matters, for the message when it fails to start.
      this.stderr = (this.stderr + chunk).slice(-4000)
    })
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.spawnError = error
        resolve()
      })
      this.child.once('exit', () => {
        // Our end of the command pipe would keep Node running after the browser is gone.
        this.child.stdio[3]?.destroy()
        resolve()
      })
    })
    this.stderrClosed = new Promise<void>((resolve) => (this.child.stderr ? this.child.stderr.once('close', () => resolve()) : resolve()))
    void this.exited.then(() => {
      this.dead = true
    })
    this.removeHandlers = onProcessExit(() => this.killNow())
    // While Chrome starts: the leftovers of builds that were killed outright.
    setImmediate(sweepStaleProfiles)
  }

  /** The CDP pipe: Chrome reads commands on fd 3 and writes replies on fd 4. */
  get pipe(): { write: Writable; read: Readable } {
    return { write: this.child.stdio[3] as Writable, read: this.child.stdio[4] as Readable }
  }

  /**
   * Asks the browser for a tab on `url` straight away, on the pipe, before Puppeteer is loaded and
   * connected (it finds the tab among the browser's targets). The reply carries an id Puppeteer
   * never uses, and it drops replies it did not ask for.
   */
  openEarly(url: string): void {
    if (this.dead) return
    this.pipe.write.write(`${JSON.stringify({ id: 2_000_000_000, method: 'Target.createTarget', params: { url } })}\0`)
  }

  /** Why it did not start, in a line: the spawn error or the last meaningful line Chrome wrote. */
  async failureReason(): Promise<string> {
    if (this.spawnError) return this.spawnError.message
    // Its last words may still be in the pipe when the exit is reported.
    await Promise.race([this.stderrClosed, delay(200, undefined, { ref: false })])
    const lines = this.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    const fatal = lines.filter((l) => /FATAL|ERROR|error/.test(l)).pop() ?? lines.pop()
    const code = this.child.exitCode ?? this.child.signalCode
    return fatal ? fatal.replace(/^\[[^\]]*\]\s*/, '') : `it exited (${code ?? 'no status'}) without a word`
  }

  /** Kills the browser and removes its profile; safe to call more than once. */
  async close(): Promise<void> {
    this.kill()
    await this.exited
    removeProfile(this.userDataDir)
  }

  /** The same, synchronously, for signal handlers and process exit: no waiting for the exit. */
  killNow(): void {
    this.kill()
    removeProfile(this.userDataDir)
  }

  /**
   * A kill rather than a polite Browser.close: the profile is thrown away anyway, and Chrome's
   * orderly shutdown of it costs a few hundred milliseconds.
   */
  private kill(): void {
    this.removeHandlers()
    const pid = this.child.pid
    if (pid === undefined) return
    if (process.platform === 'win32') {
      if (!this.dead) spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true })
      return
    }
    try {
      // The whole group, even after the main process exited: a helper may outlive it.
      process.kill(-pid, 'SIGKILL')
    } catch {
      // The group is gone already.
    }
  }
}
