import { SIGNAL_EXIT_CODES } from './exit-codes.js'

type ExitSignal = keyof typeof SIGNAL_EXIT_CODES

/**
 * Ctrl-C, SIGTERM and SIGHUP end the CLI with 128 + the signal's number, as a shell reports it,
 * unless the running command listens for the signal itself.
 * process.exit runs the library's exit hooks first: the build's browser is killed and its
 * temporary files removed.
 */
export function exitOnSignals(): () => void {
  const onSignal = (signal: ExitSignal) => {
    // A command that handles this signal itself (`resume dev` stops its server and exits 0 when
    // idle) has its own listener: it decides the exit, not this one.
    if (process.listenerCount(signal) > 1) return
    setImmediate(() => process.exit(SIGNAL_EXIT_CODES[signal]))
  }
  const signals = Object.keys(SIGNAL_EXIT_CODES) as ExitSignal[]
  for (const signal of signals) process.on(signal, onSignal)
  return () => {
    for (const signal of signals) process.off(signal, onSignal)
  }
}
