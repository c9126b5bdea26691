/**
 * Applying retention to the rotated files of one current file (SPECIFICATION.md §9.8): list them,
 * plan with {@link planRetention}, delete. A file that vanished meanwhile is not an error.
 */
import { dirname, join } from 'node:path'
import type { OffsetOf } from '../format/timestamp-format.js'
import type { LogFs } from '../write/log-fs.js'
import { planRetention, type RetentionPolicy, type RotatedFile } from './retention.js'
import { parseRotatedName } from './rotated-name.js'

/**
 * The rotated files of `current`, with sizes.
 *
 * @example
 * ```ts
 * await listRotated(nodeLogFs, '/home/me/.opendaemon/logs/api-out.log')
 * ```
 */
export async function listRotated(fs: LogFs, current: string, offsetOf?: OffsetOf): Promise<RotatedFile[]> {
  const dir = dirname(current)
  const files: RotatedFile[] = []
  for (const name of await fs.readdir(dir)) {
    const parsed = parseRotatedName(current, name, offsetOf)
    if (parsed === null || name.endsWith('.tmp')) continue
    const path = join(dir, name)
    const st = await fs.stat(path)
    if (st !== null) files.push({ path, stampMs: parsed.stampMs, seq: parsed.seq, size: st.size })
  }
  return files
}

/**
 * Deletes what the policy rejects; resolves to the deleted paths and the bytes freed.
 *
 * @example
 * ```ts
 * await applyRetention(nodeLogFs, current, { maxFiles: 5, maxAgeMs: null, maxSize: null }, Date.now())
 * ```
 */
export async function applyRetention(
  fs: LogFs,
  current: string,
  policy: RetentionPolicy,
  now: number,
  offsetOf?: OffsetOf,
): Promise<{ deleted: string[]; freedBytes: number }> {
  const files = await listRotated(fs, current, offsetOf)
  const doomed = new Set(planRetention(files, policy, now))
  const deleted: string[] = []
  let freedBytes = 0
  for (const file of files) {
    if (!doomed.has(file.path)) continue
    try {
      await fs.unlink(file.path)
      deleted.push(file.path)
      freedBytes += file.size
    } catch {
      // Already gone (compressed or deleted meanwhile): nothing to free.
    }
  }
  return { deleted, freedBytes }
}
