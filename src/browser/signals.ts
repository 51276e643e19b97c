const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
type ExitSignal = keyof typeof EXIT_CODES

/**
 * While a browser is up, Ctrl-C, SIGTERM and SIGHUP first run `cleanup` (synchronously: the process
 * is about to go) and then exit with 128 + the signal number, as a shell would report it. Also runs
 * `cleanup` if something else calls process.exit. Returns the function that removes the handlers.
 */
export function cleanupOnExit(cleanup: () => void): () => void {
  const onSignal = (signal: ExitSignal) => {
    cleanup()
    // Deferred so every listener for this signal (another browser, the host application) runs first.
    setImmediate(() => process.exit(EXIT_CODES[signal]))
  }
  const signals = Object.keys(EXIT_CODES) as ExitSignal[]
  for (const signal of signals) process.on(signal, onSignal)
  process.on('exit', cleanup)
  return () => {
    for (const signal of signals) process.off(signal, onSignal)
    process.off('exit', cleanup)
  }
}
