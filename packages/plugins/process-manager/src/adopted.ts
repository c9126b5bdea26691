/**
 * A process OD did not start (`od adopt`, §8.15): watched by polling (pid plus start time, so a
 * reused pid is never mistaken for it), listed and stoppable, but not restartable: OD does not
 * know its command, and its output is not captured. Its exit status cannot be observed (it is not
 * our child), so an exit is recorded with `code: null, signal: null`.
 */
import {
  DaemonError,
  type Clock,
  type EventBus,
  type EventMap,
  type ProcessExit,
  type ProcessStatus,
  type TimerHandle,
} from '@opendaemon/core'
import type { AppSpec } from './app-spec.js'
import type { AdoptionFacts, InstanceIdentity, InstanceState, Supervisor } from './supervisor-contract.js'

/** The process being adopted (persisted in `state.json` as the app's `adopted` record). */
export interface AdoptedProcess {
  pid: number
  /** Start time in clock ticks after boot (`/proc/<pid>/stat`). */
  startTime: number
  /** Signal the whole process group (`--group-kill`). */
  groupKill: boolean
}

/** How a watcher begins: a live process (`online`), or one found gone at a daemon restart. */
export interface AdoptedStart {
  status: 'online' | 'stopped'
  desired?: 'online' | 'stopped'
  lastExit?: ProcessExit | null
  /** Epoch ms of the adoption (kept across daemon restarts); default now. */
  adoptedAt?: number
}

/** What an adopted watcher needs. */
export interface AdoptedDeps {
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>
  events: Pick<EventBus<EventMap>, 'emit'>
  onChange: () => void
  isSameProcess: (pid: number, startTime: number) => Promise<boolean>
  /** `process.kill`; ESRCH means gone. */
  kill: (pid: number, signal: NodeJS.Signals) => void
  /** How often the process is checked (1 s; 50 ms while stopping). */
  pollMs: number
  /** Told when the process ended on its own (not by a stop): the restart command's cue. */
  onGone?: () => void
}

/**
 * Watch an adopted process. It starts `online`; `start`/`restart` of it throw
 * `OD_NOT_RESTARTABLE`.
 *
 * @example
 * ```ts
 * const sup = createAdoptedSupervisor(ident, spec, { pid: 4242, startTime: 991, groupKill: false }, deps)
 * await sup.stop()
 * ```
 */
export function createAdoptedSupervisor(
  ident: InstanceIdentity,
  spec: AppSpec,
  proc: AdoptedProcess,
  deps: AdoptedDeps,
  begin: AdoptedStart = { status: 'online' },
): Supervisor & { adoption(): AdoptionFacts } {
  const { clock, events } = deps
  const adoptedAt = begin.adoptedAt ?? clock.now()
  let status: ProcessStatus = begin.status
  let desired: 'online' | 'stopped' = begin.desired ?? 'online'
  let lastExit: ProcessExit | null = begin.lastExit ?? null
  let timer: TimerHandle | null = null
  let removed = false
  // Set by halt (daemon shutdown): a check already in flight must not report the process gone, or the
  // restart command would be started by a process manager that has stopped.
  let halted = false
  const ref = (): { id: number; name: string; at: number } => ({
    id: ident.id,
    name: ident.name,
    at: clock.now(),
  })

  function move(to: ProcessStatus): void {
    const from = status
    status = to
    events.emit('process:state', { ...ref(), from, to })
    if (to === 'stopping') events.emit('process:stopping', { ...ref(), pid: proc.pid })
    if (to === 'stopped') events.emit('process:stopped', { ...ref(), pid: proc.pid })
    deps.onChange()
  }

  function gone(reason: ProcessExit['reason']): void {
    const at = clock.now()
    lastExit = { code: null, signal: null, at, uptimeMs: at - adoptedAt, reason }
    events.emit('process:exited', {
      ...ref(),
      pid: proc.pid,
      code: null,
      signal: null,
      uptimeMs: at - adoptedAt,
    })
    move('stopped')
  }

  function poll(): void {
    timer = clock.setTimeout(() => {
      timer = null
      void deps.isSameProcess(proc.pid, proc.startTime).then((alive) => {
        if (status !== 'online' || removed || halted) return
        if (alive) poll()
        else {
          gone('crash')
          deps.onGone?.()
        }
      })
    }, deps.pollMs)
  }

  function send(signal: NodeJS.Signals): void {
    try {
      deps.kill(proc.groupKill ? -proc.pid : proc.pid, signal)
    } catch {
      // ESRCH: it ended meanwhile; EPERM cannot happen for a process that passed the adopt checks.
    }
  }

  async function waitGone(ms: number): Promise<boolean> {
    const deadline = clock.now() + ms
    while (await deps.isSameProcess(proc.pid, proc.startTime)) {
      if (clock.now() >= deadline) return false
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 50))
    }
    return true
  }

  async function stop(): Promise<void> {
    desired = 'stopped'
    if (status !== 'online') return
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    move('stopping')
    // Re-verify the identity before every signal: the pid may have been reused meanwhile.
    if (await deps.isSameProcess(proc.pid, proc.startTime)) {
      send(spec.killSignal)
      if (!(await waitGone(spec.killTimeoutMs)) && (await deps.isSameProcess(proc.pid, proc.startTime))) {
        send('SIGKILL')
        await waitGone(1000)
      }
    }
    gone('stop')
  }

  const notRestartable = (): Promise<void> =>
    status === 'online'
      ? Promise.resolve()
      : Promise.reject(new DaemonError('OD_NOT_RESTARTABLE', ident.name))

  if (status === 'online') poll()
  return {
    ident,
    spec,
    get status() {
      return status
    },
    adoption: () => ({ ...proc, adoptedAt }),
    start: notRestartable,
    restart: () => Promise.reject(new DaemonError('OD_NOT_RESTARTABLE', ident.name)),
    stop,
    halt: () => {
      halted = true
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      return Promise.resolve()
    },
    async remove() {
      await stop()
      removed = true
    },
    reset() {
      lastExit = null
      deps.onChange()
    },
    snapshot(): InstanceState {
      const live = status === 'online' || status === 'stopping'
      return {
        status,
        desired,
        pid: live ? proc.pid : null,
        pgid: live && proc.groupKill ? proc.pid : null,
        pidStartTime: live ? proc.startTime : null,
        startedAt: live ? adoptedAt : null,
        onlineAt: live ? adoptedAt : null,
        restarts: 0,
        unstableRestarts: 0,
        nextRestartAt: null,
        lastExit,
        error: null,
        memory: null,
        history: lastExit === null ? [] : [lastExit],
      }
    },
  }
}
