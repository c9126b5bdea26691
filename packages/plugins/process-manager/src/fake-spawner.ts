/**
 * An in-memory {@link Spawner} for unit tests: no process is started, the test plays the child
 * (exit, print, trap signals, start grandchildren). It obeys the same contract suite as the real
 * spawner, so code tested against it behaves the same with real processes.
 */
import { DaemonError } from '@opendaemon/core'
import { PassThrough } from 'node:stream'
import type { ChildExit, ChildHandle, SpawnSpec, Spawner } from './spawner.js'

/** A fake child: a {@link ChildHandle} plus the controls a test uses to act as the app. */
export interface FakeChild extends ChildHandle {
  readonly spec: SpawnSpec
  /** Every signal sent to the group, in order. */
  readonly signals: NodeJS.Signals[]
  /** Messages the parent sent over IPC. */
  readonly received: unknown[]
  /** The leader exits (with a code, or killed by a signal). Ignored once it has exited. */
  exit(code: number | null, signal?: NodeJS.Signals | null): void
  /** The leader ignores `signal` from now on (SIGKILL cannot be trapped). */
  trap(signal: NodeJS.Signals): void
  /** Runs `cb` for every signal that reaches the running leader (a signal handler of the app). */
  onSignal(cb: (signal: NodeJS.Signals) => void): void
  /** Starts a grandchild in the group; returns its pid. It dies on any signal it does not trap. */
  addGroupMember(traps?: readonly NodeJS.Signals[]): number
  /** A grandchild exits on its own. */
  endGroupMember(pid: number): void
  writeStdout(text: string): void
  writeStderr(text: string): void
  /** The app calls `process.send(message)` (needs `ipc: true`). */
  sendToParent(message: unknown): void
}

/** The fake spawner and what it recorded. */
export interface FakeSpawner extends Spawner {
  /** Every spec passed to `spawn`, in order (failed spawns included). */
  readonly calls: SpawnSpec[]
  /** Every child started, in order. */
  readonly children: FakeChild[]
  /** The most recent child; throws when there is none. */
  last(): FakeChild
}

/** Options of {@link createFakeSpawner}. */
export interface FakeSpawnerOptions {
  /** Plays the app right after spawn; throwing makes `spawn` reject with `OD_SPAWN_FAILED`. */
  onSpawn?: (child: FakeChild) => void
  /** Pid of the first child (default 10000); later pids count up. */
  firstPid?: number
}

// Signals whose default action is not to terminate (signal(7)).
const IGNORED_BY_DEFAULT = new Set<string>(['SIGCHLD', 'SIGCONT', 'SIGURG', 'SIGWINCH'])

interface Member {
  traps: Set<NodeJS.Signals>
}

function survives(member: Member, signal: NodeJS.Signals): boolean {
  if (signal === 'SIGKILL') return false
  return member.traps.has(signal) || IGNORED_BY_DEFAULT.has(signal)
}

interface FakeIpc {
  methods: Pick<ChildHandle, 'sendMessage' | 'onMessage'>
  sendToParent(message: unknown): void
}

function fakeIpc(enabled: boolean, exited: () => boolean, received: unknown[]): FakeIpc {
  const listeners = new Set<(message: unknown) => void>()
  const methods: FakeIpc['methods'] = !enabled
    ? {}
    : {
        sendMessage(message) {
          if (exited()) return false
          received.push(message)
          return true
        },
        onMessage(cb) {
          listeners.add(cb)
          return () => void listeners.delete(cb)
        },
      }
  return {
    methods,
    sendToParent(message) {
      if (!enabled) throw new Error('sendToParent needs a child spawned with ipc: true')
      for (const cb of [...listeners]) cb(message)
    },
  }
}

function createFakeChild(spec: SpawnSpec, pid: number, startTime: number, allocPid: () => number): FakeChild {
  let status: ChildExit | null = null
  const exitListeners = new Set<(exit: ChildExit) => void>()
  const received: unknown[] = []
  const ipc = fakeIpc(spec.ipc === true, () => status !== null, received)
  const signalHandlers: ((signal: NodeJS.Signals) => void)[] = []
  const leader: Member = { traps: new Set() }
  const grandchildren = new Map<number, Member>()
  const stdout = new PassThrough()
  const stderr = new PassThrough()

  const child: FakeChild = {
    spec,
    pid,
    pgid: pid,
    startTime,
    stdout,
    stderr,
    stdin: spec.stdin === 'pipe' ? new PassThrough() : null,
    signals: [],
    received,
    exitStatus: () => status,
    onExit(cb) {
      const current = status
      if (current !== null) queueMicrotask(() => cb(current))
      else exitListeners.add(cb)
      return () => void exitListeners.delete(cb)
    },
    kill(signal) {
      child.signals.push(signal)
      if (status !== null && grandchildren.size === 0) return false
      for (const [gpid, member] of grandchildren) if (!survives(member, signal)) grandchildren.delete(gpid)
      if (status !== null) return true
      for (const handler of signalHandlers) handler(signal)
      if (!survives(leader, signal)) child.exit(null, signal)
      return true
    },
    groupMembers: () => Promise.resolve([...(status === null ? [pid] : []), ...grandchildren.keys()]),
    exit(code, signal = null) {
      if (status !== null) return
      const exit = { code: signal === null ? code : null, signal }
      status = exit
      stdout.end()
      stderr.end()
      for (const cb of [...exitListeners]) cb(exit)
      exitListeners.clear()
    },
    trap: (signal) => void leader.traps.add(signal),
    onSignal: (cb) => void signalHandlers.push(cb),
    addGroupMember(traps = []) {
      const gpid = allocPid()
      grandchildren.set(gpid, { traps: new Set(traps) })
      return gpid
    },
    endGroupMember: (gpid) => void grandchildren.delete(gpid),
    writeStdout: (text) => void stdout.write(text),
    writeStderr: (text) => void stderr.write(text),
    sendToParent: ipc.sendToParent,
    ...ipc.methods,
  }
  return child
}

/**
 * Create a fake spawner.
 *
 * @example
 * ```ts
 * import { createFakeSpawner } from './fake-spawner.js'
 *
 * const spawner = createFakeSpawner({ onSpawn: (child) => child.writeStdout('STARTED\n') })
 * const child = await spawner.spawn({ command: 'app', args: [], cwd: '/', env: {} })
 * spawner.last().exit(3) // child.exitStatus() is now { code: 3, signal: null }
 * ```
 */
export function createFakeSpawner(options: FakeSpawnerOptions = {}): FakeSpawner {
  let nextPid = options.firstPid ?? 10_000
  let nextStart = 1_000
  const calls: SpawnSpec[] = []
  const children: FakeChild[] = []
  return {
    calls,
    children,
    last() {
      const child = children[children.length - 1]
      if (child === undefined) throw new Error('the fake spawner has not started any child')
      return child
    },
    async spawn(spec) {
      calls.push(spec)
      const child = createFakeChild(spec, nextPid++, nextStart++, () => nextPid++)
      try {
        options.onSpawn?.(child)
      } catch (err) {
        throw new DaemonError('OD_SPAWN_FAILED', spec.command, (err as Error).message, { cause: err })
      }
      children.push(child)
      return child
    },
  }
}
