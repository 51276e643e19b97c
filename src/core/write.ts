import { randomBytes } from 'node:crypto'
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { VitaeError } from '../diagnostics/diagnostic.js'

/**
 * Writes a file so that readers see the old bytes or the new ones, never half of either:
 * a temporary file beside the target, then a rename (atomic on one filesystem).
 */
export async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(target)
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await mkdir(dir, { recursive: true })
    await writeFile(temp, bytes)
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    throw new VitaeError(
      'output',
      [{ code: 'WRITE_FAILED', severity: 'error', message: `cannot write ${target} (${code})`, file: target, hint: code === 'EACCES' || code === 'EPERM' ? 'check the folder permissions, or choose another with --out' : undefined }],
      { cause: error },
    )
  }
}
