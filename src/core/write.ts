import { mkdir, rename, unlink, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { VitaeError } from '../diagnostics/diagnostic.js'
import { tempPathFor, trackTemp } from './temp-files.js'

/**
 * Writes a file so that readers see the old bytes or the new ones, never half of either:
 * a temporary file beside the target, then a rename (atomic on one filesystem). The temporary
 * file is removed if the process exits before the rename.
 */
export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPathFor(target)
  const untrack = trackTemp(temp)
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFile(temp, bytes)
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
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
