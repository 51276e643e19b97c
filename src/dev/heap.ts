import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * Keeps a dev session's memory where it starts, however many rebuilds it runs.
 *
 * Each rebuild's garbage dies young, but at hundreds of rebuilds V8 sees a high allocation rate and
 * doubles the young generation's semi-spaces (up to 16 MiB each, three of them) and never hands
 * them back: resident memory climbed about 30 MiB over 200 rebuilds while the heap that survives a
 * full collection stayed flat at under 10 MiB. The growth factor is read when V8 decides to grow,
 * so it still applies once the heap is set up (the maximum size is not: it is fixed at start).
 *
 * The documents themselves (150 kB of HTML and more) are large objects, collected only by a full
 * collection, which V8 puts off until the old generation has grown: between two, a session held
 * 10 to 20 MiB of earlier documents. A full collection of a heap this small takes a few
 * milliseconds; it runs once the new document is out (the page already has it), at most one
 * pending at a time.
 *
 * Returns the function that asks for that collection.
 */
export function holdDevHeap(): () => void {
  setFlagsFromString('--semi-space-growth-factor=1')
  // `gc` exists in a context created after the flag is set, without starting Node with --expose-gc.
  // Only that context: themes run in contexts made later (workers share the flags), and get no `gc`.
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as (() => void) | undefined
  setFlagsFromString('--no-expose-gc')
  let pending: NodeJS.Immediate | undefined
  return () => {
    if (pending || typeof gc !== 'function') return
    pending = setImmediate(() => {
      pending = undefined
      gc()
    })
  }
}
