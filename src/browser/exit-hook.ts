/**
 * Runs `cleanup` if the process exits while a browser is still up (a signal handler's
 * process.exit, an uncaught error). Deciding exit codes is the CLI's business (src/cli/signals.ts);
 * this only makes sure no Chrome outlives us. Returns the function that removes the hook.
 */
export function onProcessExit(cleanup: () => void): () => void {
  process.on('exit', cleanup)
  return () => {
    process.off('exit', cleanup)
  }
}
