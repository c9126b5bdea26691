/**
 * Starting child processes, each in its own session and process group (`detached: true` makes the
 * child call setsid(2)), so one signal reaches the app and everything it started. The types here
 * are what the supervisor sees; {@link nodeSpawner} is the real implementation and
 * `createFakeSpawner` the test double, both held to one contract suite.
 */
import { DaemonError } from '@opendaemon/core'
import { spawn as spawnChild, type ChildProcess } from 'node:child_process'
import { PassThrough, type Readable, type Writable } from 'node:stream'
import { wrapLaunch } from './launch-wrappers.js'
import { findOnPath, statFileInfo } from './path-lookup.js'
import { listGroupMembers, nodeProcFs, readProcStat, type ProcFs } from './proc-info.js'
import { optionError } from './spec-fields.js'

/** A fully resolved launch: the command and everything the OS applies to it. */
export interface SpawnSpec {
  command: string
  args: readonly string[]
  /** Absolute working directory. */
  cwd: string
  /** The complete environment of the child (nothing is inherited implicitly). */
  env: Readonly<Record<string, string>>
  /** Open an IPC channel (Node children: `process.send('ready')`). */
  ipc?: boolean
  /** `pipe` gives the handle a writable stdin; default `ignore` (/dev/null). */
  stdin?: 'ignore' | 'pipe'
  uid?: number
  gid?: number
  nice?: number
  umask?: number
  cpuAffinity?: readonly number[]
}

/** How a process ended: an exit code, or the signal that killed it. */
export interface ChildExit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** A running (or finished) child, as the supervisor drives it. */
export interface ChildHandle {
  readonly pid: number
  /** Its process group (= pid: the child leads a new session). */
  readonly pgid: number
  /** Start time in clock ticks after boot (`/proc/<pid>/stat`); null if it could not be read. */
  readonly startTime: number | null
  readonly stdout: Readable
  readonly stderr: Readable
  /** Writable only when spawned with `stdin: 'pipe'`. */
  readonly stdin: Writable | null
  /** How the group leader ended, or null while it runs. */
  exitStatus(): ChildExit | null
  /** Calls `cb` once when the leader exits (on the next microtask if it already has). Returns an unsubscribe. */
  onExit(cb: (exit: ChildExit) => void): () => void
  /**
   * Sends `signal` to every process of the group. Returns false when no process was left to signal.
   * Once the leader has exited, call it only while {@link ChildHandle.groupMembers} is non-empty:
   * an empty group's id may be reused by an unrelated process.
   */
  kill(signal: NodeJS.Signals): boolean
  /** Live (non-zombie) processes of the group, leader included while it runs. */
  groupMembers(): Promise<number[]>
  /** Present when spawned with `ipc: true`: send a message; false when the channel is closed. */
  sendMessage?(message: unknown): boolean
  /** Present when spawned with `ipc: true`: messages from the child. Returns an unsubscribe. */
  onMessage?(cb: (message: unknown) => void): () => void
}

/** Starts children. */
export interface Spawner {
  /**
   * Start `spec`; resolves once the program is running.
   *
   * @throws {DaemonError} `OD_SPAWN_FAILED` (with the OS error as cause), `OD_TOOL_NOT_FOUND`,
   *   `OD_APP_OPTION_INVALID` for options the daemon's user may not apply.
   */
  spawn(spec: SpawnSpec): Promise<ChildHandle>
}

/** The ids the daemon runs as. */
export interface ProcessIds {
  uid: number
  gid: number
}

/**
 * Reject options that need privileges the daemon lacks, before anything runs (otherwise `nice`
 * would warn and run the app anyway, and setuid would fail with a bare EPERM).
 *
 * @throws {DaemonError} `OD_APP_OPTION_INVALID` naming the option.
 */
export function checkPrivileges(spec: SpawnSpec, ids: ProcessIds): void {
  if (ids.uid === 0) return
  if (spec.uid !== undefined && spec.uid !== ids.uid) {
    throw optionError(
      'uid',
      `running as uid ${spec.uid} needs a daemon running as root (it runs as uid ${ids.uid})`,
      'Run the daemon as root, or leave uid out.',
    )
  }
  if (spec.gid !== undefined && spec.gid !== ids.gid) {
    throw optionError(
      'gid',
      `running as gid ${spec.gid} needs a daemon running as root (it runs as uid ${ids.uid})`,
      'Run the daemon as root, or leave gid out.',
    )
  }
  if (spec.nice !== undefined && spec.nice < 0) {
    throw optionError(
      'nice',
      `a negative nice value (${spec.nice}) needs a daemon running as root`,
      'Use 0 to 19, or run the daemon as root.',
    )
  }
}

/** What the real spawner talks to; tests replace single parts. */
export interface NodeSpawnerDeps {
  ids: () => ProcessIds
  /** `process.kill`. */
  kill: (pid: number, signal: NodeJS.Signals) => void
  procFs: ProcFs
}

// POSIX only, like the rest of the spawner: getuid/getgid exist wherever process groups do.
const currentIds = (): ProcessIds => ({
  uid: (process.getuid as () => number)(),
  gid: (process.getgid as () => number)(),
})

const defaultDeps: NodeSpawnerDeps = {
  ids: currentIds,
  kill: (pid, signal) => void process.kill(pid, signal),
  procFs: nodeProcFs,
}

function started(child: ChildProcess, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve())
    child.once('error', (err) =>
      reject(new DaemonError('OD_SPAWN_FAILED', command, err.message, { cause: err })),
    )
  })
}

interface ExitTracker {
  status(): ChildExit | null
  onExit(cb: (exit: ChildExit) => void): () => void
}

/** Listens for the exit at once: a child may end while the spawn is still being set up. */
function trackExit(child: ChildProcess): ExitTracker {
  let status: ChildExit | null = null
  const waiting = new Set<(exit: ChildExit) => void>()
  child.once('exit', (code, signal) => {
    const exit = { code, signal }
    status = exit
    for (const cb of [...waiting]) cb(exit)
    waiting.clear()
  })
  return {
    status: () => status,
    onExit(cb) {
      const current = status
      if (current !== null) queueMicrotask(() => cb(current))
      else waiting.add(cb)
      return () => void waiting.delete(cb)
    },
  }
}

function ipcMethods(child: ChildProcess): Pick<ChildHandle, 'sendMessage' | 'onMessage'> {
  return {
    sendMessage: (message: unknown) => child.connected && child.send(message as never),
    onMessage: (cb: (message: unknown) => void) => {
      child.on('message', cb)
      return () => void child.off('message', cb)
    },
  }
}

interface HandleParts {
  child: ChildProcess
  stdout: Readable
  stderr: Readable
  pid: number
  startTime: number | null
  exits: ExitTracker
  ipc: boolean
}

function handleFor(
  { child, stdout, stderr, pid, startTime, exits, ipc }: HandleParts,
  deps: NodeSpawnerDeps,
): ChildHandle {
  return {
    pid,
    pgid: pid,
    startTime,
    stdout,
    stderr,
    stdin: child.stdin,
    exitStatus: exits.status,
    onExit: exits.onExit,
    kill(signal) {
      try {
        deps.kill(-pid, signal)
        return true
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false
        throw err
      }
    },
    groupMembers: () => listGroupMembers(pid, deps.procFs),
    ...(ipc ? ipcMethods(child) : {}),
  }
}

/**
 * The real spawner (Linux): `child_process.spawn` with `detached: true`, stdio
 * `[stdin, 'pipe', 'pipe'(, 'ipc')]`, uid/gid as spawn options and nice/umask/affinity wrappers.
 *
 * @example
 * ```ts
 * import { createNodeSpawner } from '@opendaemon/plugin-process-manager'
 *
 * const spawner = createNodeSpawner()
 * const child = await spawner.spawn({ command: '/bin/sleep', args: ['60'], cwd: '/', env: { PATH: '/usr/bin:/bin' } })
 * child.kill('SIGTERM')
 * ```
 */
export function createNodeSpawner(overrides: Partial<NodeSpawnerDeps> = {}): Spawner {
  const deps: NodeSpawnerDeps = { ...defaultDeps, ...overrides }
  return {
    async spawn(spec) {
      checkPrivileges(spec, deps.ids())
      const pathEnv = spec.env['PATH'] ?? '/usr/bin:/bin'
      const argv = wrapLaunch(spec, spec, (name) => findOnPath(name, pathEnv, statFileInfo))
      const child = spawnChild(argv.command, argv.args, {
        cwd: spec.cwd,
        env: { ...spec.env },
        detached: true,
        stdio: [spec.stdin ?? 'ignore', 'pipe', 'pipe', ...(spec.ipc === true ? (['ipc'] as const) : [])],
        ...(spec.uid === undefined ? {} : { uid: spec.uid }),
        ...(spec.gid === undefined ? {} : { gid: spec.gid }),
      })
      const exits = trackExit(child)
      // Node discards unread output of a child that exits before anyone listens (it resumes idle
      // stdio on exit); piping at once keeps a fast crash's last words for the log.
      const stdout = (child.stdout as Readable).pipe(new PassThrough())
      const stderr = (child.stderr as Readable).pipe(new PassThrough())
      await started(child, spec.command)
      // Later errors (a failed kill or IPC send) must not crash the daemon; callers see return values.
      child.on('error', () => undefined)
      const pid = child.pid as number
      const stat = await readProcStat(pid, deps.procFs)
      return handleFor(
        { child, stdout, stderr, pid, startTime: stat?.startTicks ?? null, exits, ipc: spec.ipc === true },
        deps,
      )
    },
  }
}

/** The real spawner with real dependencies. */
export const nodeSpawner: Spawner = createNodeSpawner()
