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
 * What grew past that was compiled code: V8's optimizing compiler (TurboFan) and its baseline
 * compiler (Sparkplug) go on compiling the rebuild's functions for hundreds of rebuilds, with their
 * dependency lists and the malloc arenas of their background threads (2.6 MiB from the 20th rebuild
 * to the 200th, 77 MiB at the 800th; heap snapshots hold the same objects otherwise). A rebuild is
 * short and mostly waits on files and the browser, so the session runs on the interpreter: with
 * both compilers off from here, resident memory stayed at 63.3 MiB from the 20th rebuild to the
 * 200th, 9 MiB under what it reached before, and a save still reached the page in 44 ms (45 with
 * them). Workers share the flags: a JSON Resume theme renders interpreted in a session too (a cold
 * build of the sample with `--theme even`: 0.22 s either way).
 *
 * Returns the function that asks for that collection.
 */
export function holdDevHeap(): () => void {
  setFlagsFromString('--semi-space-growth-factor=1')
  setFlagsFromString('--no-opt')
  setFlagsFromString('--no-sparkplug')
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
