import { mkdirSync, renameSync, statSync, unlinkSync, writeFile, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { tempPathFor, trackTemp } from './temp-files.js'

const SYNC_WRITE_BYTES = 4 * 1024 * 1024

/**
 * Writes a file so that readers see the old bytes or the new ones, never half of either:
 * a temporary file beside the target, then a rename (atomic on one filesystem). The temporary
 * file is removed if the process exits before the rename.
 *
 * An output of up to a few megabytes is written synchronously: each asynchronous call is a
 * thread-pool round trip (and node:fs/promises a module to load), which cost a short build more
 * than the writing. A larger one is written asynchronously, so that a signal can stop it midway.
 */
export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPathFor(target)
  const untrack = trackTemp(temp)
  try {
    mkdirSync(dirname(target), { recursive: true })
    if (bytes.byteLength <= SYNC_WRITE_BYTES) writeFileSync(temp, bytes)
    else await new Promise<void>((resolve, reject) => writeFile(temp, bytes, (error) => (error ? reject(error) : resolve())))
    renameSync(temp, target)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // never written
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    throw new VitaeError(
      'output',
      [
        {
          code: 'WRITE_FAILED',
          severity: 'error',
          message: `cannot write ${target} (${code})`,
          file: target,
          hint: code === 'EACCES' || code === 'EPERM' ? 'check the folder permissions, or choose another with --out' : undefined,
        },
      ],
      { cause: error },
    )
  } finally {
    untrack()
  }
}

/**
 * The output must be a regular file or nothing: --force replaces a file, never a device, a FIFO
 * or a socket (a rename over /dev/full, as root, would replace the device node itself), nor a
 * folder. A link is judged by what it leads to.
 */
export function refuseNonFile(output: string, command: string): void {
  let kind: string | undefined
  try {
    const stat = statSync(output)
    if (stat.isFile()) return
    kind = stat.isDirectory()
      ? 'a folder'
      : stat.isFIFO()
        ? 'a FIFO (named pipe)'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : stat.isSocket()
            ? 'a socket'
            : 'not a regular file'
  } catch {
    return // nothing there (or a dangling link): a new file is written
  }
  throw new VitaeError('output', [
    {
      code: 'WRITE_FAILED',
      severity: 'error',
      message: `${output} is ${kind}: ${command} writes only regular files, even with --force`,
      file: output,
      hint: 'name a file, such as resume.yaml',
    },
  ])
}
