import { randomUUID } from 'node:crypto'
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { CliError } from '../cli-error.js'
import { isShimScript } from './shim-script.js'
import type { OdProbe } from './shim-location.js'

/** Reads the first bytes of a file, enough to see the shim marker. */
function head(file: string): string {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(256)
    const bytes = readSync(fd, buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytes).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/**
 * Inspects a candidate `od`: missing, an OpenDaemon shim, an executable file, or something else
 * (a directory, a file without execute permission, a file this user cannot read).
 */
export function probeOd(file: string): OdProbe {
  try {
    if (!statSync(file).isFile()) return 'other'
    accessSync(file, constants.X_OK)
    return isShimScript(head(file)) ? 'shim' : 'executable'
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'other'
  }
}

/**
 * Writes the shim atomically (temporary file, mode 0755, rename), creating its directory if needed.
 *
 * @throws {CliError} `OD_SHIM_WRITE_FAILED` when the directory or file cannot be written.
 */
export function writeShimFile(file: string, content: string): void {
  const temp = join(dirname(file), `.od-shim-${randomUUID()}.tmp`)
  let written = false
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(temp, content)
    written = true
    chmodSync(temp, 0o755) // explicit: the mode given to writeFileSync is reduced by the umask
    renameSync(temp, file)
  } catch (err) {
    if (written) rmSync(temp, { force: true })
    throw new CliError(
      'OD_SHIM_WRITE_FAILED',
      `Cannot write ${file}: ${(err as Error).message}. Choose a directory you can write with --dir, or run as root.`,
      { cause: err },
    )
  }
}

/**
 * Removes a shim file.
 *
 * @throws {CliError} `OD_SHIM_WRITE_FAILED` when it cannot be removed.
 */
export function removeShimFile(file: string): void {
  try {
    rmSync(file)
  } catch (err) {
    throw new CliError('OD_SHIM_WRITE_FAILED', `Cannot remove ${file}: ${(err as Error).message}.`, {
      cause: err,
    })
  }
}
