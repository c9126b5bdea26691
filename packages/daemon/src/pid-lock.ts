/**
 * The single-instance lock: `daemon.pid`, created with link(2) so exactly one daemon per OD_HOME
 * can hold it and the file is complete the moment it appears (SPECIFICATION.md §6.4).
 *
 * A stale file (its writer is dead, or its pid now belongs to another process) is removed under a
 * small mutex, `daemon.pid.takeover`, taken the same way: the contender holding it re-reads the lock
 * and unlinks it only if it is byte-identical to what it judged stale. Without the mutex two
 * contenders could both judge the old file stale, and the slower one would delete the faster one's
 * fresh lock.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, unlinkSync } from 'node:fs'
import { link, open, readFile, rm, unlink } from 'node:fs/promises'
import { DaemonError } from '@opendaemon/core'
import {
  formatPidRecord,
  judgeHolder,
  parsePidRecord,
  type HolderFacts,
  type PidRecord,
} from './pid-record.js'

/** Reads what the system knows about a pid. */
export interface ProcessProbe {
  facts(pid: number): Promise<HolderFacts>
}

/** A held lock. */
export interface PidLock {
  readonly record: PidRecord
  /** Unlinks `daemon.pid` if it still holds this daemon's record. */
  release(): Promise<void>
  /** {@link PidLock.release} for the forced-exit path, where nothing may wait. */
  releaseSync(): void
}

/** The outcome of {@link acquirePidLock}. */
export type LockAttempt = { kind: 'acquired'; lock: PidLock } | { kind: 'held'; holder: PidRecord }

/** Options of {@link acquirePidLock}. */
export interface PidLockOptions {
  probe: ProcessProbe
  /** Waits between polls of a busy takeover mutex; default a real timer. */
  sleep?: (ms: number) => Promise<void>
  /** Link attempts before giving up (each may follow a stale-lock removal). Default 20. */
  maxAttempts?: number
  /** How long to wait for a live contender's takeover mutex. Default 2000 ms. */
  mutexWaitMs?: number
}

const MUTEX_POLL_MS = 10
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Takes the lock `pidFile` for `record`, or reports the live daemon that holds it.
 *
 * @throws {DaemonError} `OD_DAEMON_START_FAILED` when the lock keeps changing hands, or an fs error.
 * @example
 * ```ts
 * import { acquirePidLock, nodeProcessProbe } from '@opendaemon/daemon'
 *
 * const record = { pid: process.pid, startTime: null, bootId: null, version: '0.1.0', socket: '/tmp/od-x/od.sock', startedAt: Date.now() }
 * const attempt = await acquirePidLock('/tmp/od-x/daemon.pid', record, { probe: nodeProcessProbe })
 * if (attempt.kind === 'acquired') await attempt.lock.release()
 * ```
 * @since 0.1.0
 */
export async function acquirePidLock(
  pidFile: string,
  record: PidRecord,
  options: PidLockOptions,
): Promise<LockAttempt> {
  const content = formatPidRecord(record)
  const tmp = `${pidFile}.${record.pid}.${randomBytes(4).toString('hex')}.tmp`
  await writePrivateFile(tmp, content)
  try {
    const attempts = options.maxAttempts ?? 20
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (await tryLink(tmp, pidFile)) return { kind: 'acquired', lock: ownLock(pidFile, record, content) }
      // '' when it was released between our link and our read (or is a dangling symlink): stale.
      const existing = await readText(pidFile)
      const holder = await liveHolder(existing, options.probe)
      if (holder !== null) return { kind: 'held', holder }
      await removeStale(pidFile, existing, tmp, content, options)
    }
    throw new DaemonError(
      'OD_DAEMON_START_FAILED',
      `the lock ${pidFile} kept changing hands after ${attempts} attempts`,
    )
  } finally {
    await unlink(tmp).catch(() => undefined) // only our own temp file; gone already is fine
  }
}

async function liveHolder(text: string, probe: ProcessProbe): Promise<PidRecord | null> {
  const holder = parsePidRecord(text)
  if (holder === null) return null
  return judgeHolder(holder, await probe.facts(holder.pid)) === 'live' ? holder : null
}

/** Removes `pidFile` if it still holds `staleText`, under the takeover mutex. */
async function removeStale(
  pidFile: string,
  staleText: string,
  tmp: string,
  content: string,
  options: PidLockOptions,
): Promise<void> {
  const mutex = `${pidFile}.takeover`
  if (!(await takeMutex(mutex, tmp, options))) return
  try {
    if ((await readText(pidFile)) === staleText) await unlinkIfPresent(pidFile)
  } finally {
    if ((await readText(mutex)) === content) await unlinkIfPresent(mutex)
  }
}

/** Takes the mutex by linking our record to it; a dead owner's mutex is removed. */
async function takeMutex(mutex: string, tmp: string, options: PidLockOptions): Promise<boolean> {
  const sleep = options.sleep ?? realSleep
  const polls = Math.ceil((options.mutexWaitMs ?? 2_000) / MUTEX_POLL_MS)
  for (let poll = 0; poll <= polls; poll++) {
    if (await tryLink(tmp, mutex)) return true
    const owner = await readText(mutex)
    if ((await liveHolder(owner, options.probe)) === null) {
      // Its owner died while holding it. (Two contenders may race here; the re-read keeps the
      // window to the few instructions between our read and our unlink.)
      if ((await readText(mutex)) === owner) await unlinkIfPresent(mutex)
      continue
    }
    await sleep(MUTEX_POLL_MS)
  }
  return false
}

function ownLock(pidFile: string, record: PidRecord, content: string): PidLock {
  return {
    record,
    async release() {
      if ((await readText(pidFile)) === content) await unlinkIfPresent(pidFile)
    },
    releaseSync() {
      try {
        if (readFileSync(pidFile, 'utf8') === content) unlinkSync(pidFile)
      } catch {
        // Already gone, or unreadable: either way it no longer locks anything of ours.
      }
    },
  }
}

async function writePrivateFile(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600)
  try {
    await handle.chmod(0o600)
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function tryLink(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** The file's text; '' when it does not exist (or is a symlink to nothing). */
async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    throw error
  }
}

function unlinkIfPresent(path: string): Promise<void> {
  return rm(path, { force: true })
}
