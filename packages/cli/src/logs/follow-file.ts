import { watch, type FSWatcher } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'

/** A running follow; `stop()` ends it. */
export interface FileFollower {
  stop(): void
  /** Resolves once the follower has caught up with what the file held when it was last told to read. */
  idle(): Promise<void>
}

/**
 * Follows a growing file (`tail -f`): calls `onLine` for every complete line appended after byte `from`.
 * It watches the directory, so a file that is rotated (renamed and recreated) or truncated is read again
 * from its start, and a file that does not exist yet is picked up when it appears.
 *
 * @example
 * ```ts
 * const follower = followFile('/home/me/.opendaemon/daemon.log', size, (line) => console.log(line))
 * // later
 * follower.stop()
 * ```
 */
export function followFile(path: string, from: number, onLine: (line: string) => void): FileFollower {
  let offset = from
  let partial = ''
  let reading: Promise<void> = Promise.resolve()
  let stopped = false

  async function drain(): Promise<void> {
    const size = await stat(path).then(
      (s) => s.size,
      () => 0,
    )
    if (size < offset) {
      offset = 0 // truncated, or replaced by a new file after a rotation
      partial = ''
    }
    if (size === offset) return
    const handle = await open(path, 'r')
    try {
      const buffer = Buffer.alloc(size - offset)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset)
      offset += bytesRead
      const lines = (partial + buffer.subarray(0, bytesRead).toString('utf8')).split('\n')
      partial = lines.pop() as string
      for (const line of lines) if (!stopped) onLine(line.endsWith('\r') ? line.slice(0, -1) : line)
    } finally {
      await handle.close()
    }
  }

  function poke(): void {
    // Reads run one after another; a redundant one finds nothing new and returns at once. A vanished
    // file or a read error just waits for the next change.
    reading = reading.then(() => drain().catch(() => undefined))
  }

  const name = basename(path)
  const watcher: FSWatcher = watch(dirname(path), (_event, file) => {
    if (file === null || file === name) poke()
  })
  poke()
  return {
    stop() {
      stopped = true
      watcher.close()
    },
    idle: () => reading,
  }
}
