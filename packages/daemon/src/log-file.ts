/**
 * `daemon.log`: an append-only text file (0600) written synchronously, one line per record, rotated
 * by size. The daemon logs little, so synchronous appends are cheap and nothing is lost at exit; a
 * failing disk never throws into the caller (lines are dropped and counted, and the file is
 * reopened at most every `retryMs`).
 */
import { closeSync, fchmodSync, fstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { rotationRenames, shouldRotate } from './log-rotation.js'

/** The synchronous fs calls the log file needs (tests pass failing ones). */
export interface LogFileFs {
  openSync(path: string, flags: string, mode: number): number
  fchmodSync(fd: number, mode: number): void
  fstatSync(fd: number): { size: number }
  writeSync(fd: number, text: string): number
  closeSync(fd: number): void
  renameSync(from: string, to: string): void
  unlinkSync(path: string): void
}

const nodeLogFileFs: LogFileFs = {
  openSync,
  fchmodSync,
  fstatSync,
  writeSync,
  closeSync,
  renameSync,
  unlinkSync,
}

/** Options of {@link openLogFile}. */
export interface LogFileOptions {
  path: string
  /** Rotate before the file would pass this size. Default 10 MiB. */
  maxBytes?: number
  /** Rotated copies kept (`daemon.log.1` … `.keep`). Default 3. */
  keep?: number
  /** After a failure, how long to drop lines before trying to reopen. Default 5000 ms. */
  retryMs?: number
  now?: () => number
  fs?: LogFileFs
}

/** An open log file. */
export interface LogFile {
  readonly path: string
  /** Appends `line` and a newline; never throws. */
  write(line: string): void
  /** Lines dropped because the disk failed. */
  readonly dropped: number
  close(): void
}

/**
 * Opens (creating with mode 0600) an append-only, size-rotated log file.
 *
 * @example
 * ```ts
 * import { openLogFile } from '@opendaemon/daemon'
 *
 * const log = openLogFile({ path: '/tmp/od-demo/daemon.log' })
 * log.write('2026-11-22T03:04:05.123Z INFO  [daemon] started')
 * log.close()
 * ```
 * @since 0.1.0
 */
export function openLogFile(options: LogFileOptions): LogFile {
  const fs = options.fs ?? nodeLogFileFs
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024
  const keep = options.keep ?? 3
  const retryMs = options.retryMs ?? 5_000
  const now = options.now ?? Date.now
  let fd: number | null = null
  let size = 0
  let dropped = 0
  let failedAt: number | null = null
  let closed = false

  function open(): number {
    const opened = fs.openSync(options.path, 'a', 0o600)
    fd = opened
    fs.fchmodSync(opened, 0o600) // the umask cannot widen it
    size = fs.fstatSync(opened).size
    return opened
  }

  function closeFd(): void {
    if (fd === null) return
    const current = fd
    fd = null
    try {
      fs.closeSync(current)
    } catch {
      // A close error on a log file leaves nothing to recover; the descriptor is released anyway.
    }
  }

  function rotate(): number {
    closeFd()
    for (const [from, to] of rotationRenames(options.path, keep)) {
      try {
        if (to === null) fs.unlinkSync(from)
        else fs.renameSync(from, to)
      } catch (error) {
        // Older copies may not exist yet (first rotations); any other failure surfaces on reopen.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
    return open()
  }

  function write(line: string): void {
    if (closed) return
    if (failedAt !== null && now() - failedAt < retryMs) {
      dropped++
      return
    }
    const text = `${line}\n`
    try {
      let target = fd ?? open()
      if (shouldRotate(size, Buffer.byteLength(text), maxBytes)) target = rotate()
      size += fs.writeSync(target, text)
      failedAt = null
    } catch {
      // A full or failing disk must not take the daemon down: drop the line, retry later.
      dropped++
      failedAt = now()
      closeFd()
    }
  }

  return {
    path: options.path,
    write,
    get dropped() {
      return dropped
    },
    close() {
      closed = true
      closeFd()
    },
  }
}
