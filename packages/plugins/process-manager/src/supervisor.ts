/**
 * One supervised instance: spawns it, decides when it is online, applies the restart policy to
 * its exits and stops its whole group. Every operation runs through one FIFO queue per instance;
 * `stop`/`remove` also bump a generation counter synchronously, and every async path re-checks it,
 * so a pending or in-flight respawn can never bring back an instance that was stopped or deleted
 * (the PM2 delete-during-crash-loop race).
 */
import {
  createSerialQueue,
  createStateMachine,
  toErrorInfo,
  type Clock,
  type ProcessExit,
  type ProcessStatus,
  type TimerHandle,
} from '@opendaemon/core'
import type { AppSpec } from './app-spec.js'
import type { AttachedLogs } from './log-sink.js'
import { watchMemory } from './memory-watch.js'
import { PROCESS_TRANSITIONS } from './process-transitions.js'
import { readinessMode, watchReadiness } from './readiness.js'
import { decideRestart, statusAfterGiveUp, unstableStreak, type ExitRecord } from './restart-policy.js'
import type { ChildExit, ChildHandle } from './spawner.js'
import { stopGroup } from './stop-group.js'
import type {
  InstanceIdentity,
  InstanceState,
  RestoredState,
  Supervisor,
  SupervisorDeps,
} from './supervisor-contract.js'

export type { InstanceIdentity, InstanceState, RestoredState, Supervisor, SupervisorDeps }

interface Run {
  child: ChildHandle
  gen: number
  startedAt: number
  stopReadiness: () => void
  stopMemory: () => void
  logs: AttachedLogs
  exited: boolean
  /** A stop of this run is in progress: the stop path, not the exit handler, moves the state. */
  stopping: boolean
  exitReason: ProcessExit['reason']
}

const HISTORY_KEEP = 50

/**
 * Create the supervisor of one instance. It does nothing until `start()`.
 *
 * @example
 * ```ts
 * const sup = createSupervisor({ id: 0, name: 'api', namespace: 'default', instance: 0 }, spec, deps)
 * await sup.start()
 * console.log(sup.status) // 'online'
 * ```
 */
export function createSupervisor(
  ident: InstanceIdentity,
  spec: AppSpec,
  deps: SupervisorDeps,
  restored: RestoredState = {},
): Supervisor {
  const { clock, events } = deps
  const queue = createSerialQueue()
  let gen = 0
  let deleted = false
  let run: Run | null = null
  let restartTimer: TimerHandle | null = null
  let waiters: (() => void)[] = []
  const st = {
    desired: restored.desired ?? 'online',
    onlineAt: null as number | null,
    restarts: restored.restarts ?? 0,
    unstableRestarts: restored.unstableRestarts ?? 0,
    nextRestartAt: null as number | null,
    lastExit: restored.lastExit ?? null,
    error: restored.error ?? null,
    memory: null as number | null,
    history: [] as ExitRecord[],
    exits: [] as ProcessExit[],
  }
  const initial: ProcessStatus =
    restored.status === 'stopped' || restored.status === 'errored' ? restored.status : 'created'
  const machine = createStateMachine<ProcessStatus>({
    name: `process ${ident.name} (id ${ident.id})`,
    initial,
    transitions: PROCESS_TRANSITIONS,
    clock: clock as Clock,
  })
  const ref = (): { id: number; name: string; at: number } => ({
    id: ident.id,
    name: ident.name,
    at: clock.now(),
  })
  const livePid = (): number | undefined => (run !== null && !run.exited ? run.child.pid : undefined)
  const withPid = (): { pid?: number } => {
    const pid = livePid()
    return pid === undefined ? {} : { pid }
  }

  function moveTo(to: ProcessStatus): void {
    const from = machine.state
    machine.transition(to)
    if (to === 'starting') st.error = null
    events.emit('process:state', { ...ref(), from, to })
    if (to === 'starting') events.emit('process:starting', { ...ref(), ...withPid() })
    else if (to === 'online') events.emit('process:online', { ...ref(), pid: (run as Run).child.pid })
    else if (to === 'stopping') events.emit('process:stopping', { ...ref(), ...withPid() })
    else if (to === 'stopped') events.emit('process:stopped', { ...ref(), ...withPid() })
    else if (to === 'errored') {
      const error = st.error as { code: string; message: string }
      events.emit('process:errored', { ...ref(), ...withPid(), reason: error.code, message: error.message })
    }
    deps.onChange()
    if (to !== 'starting') {
      const ready = waiters
      waiters = []
      for (const resolve of ready) resolve()
    }
  }

  function markErrored(error: { code: string; message: string }): void {
    st.error = error
    moveTo('errored')
  }

  function settled(): Promise<void> {
    if (machine.state !== 'starting') return Promise.resolve()
    return new Promise((resolve) => waiters.push(resolve))
  }

  function stopWatching(r: Run): void {
    r.stopReadiness()
    r.stopMemory()
  }

  function cancelRestart(): void {
    if (restartTimer !== null) clock.clearTimeout(restartTimer)
    restartTimer = null
    if (st.nextRestartAt !== null) {
      st.nextRestartAt = null
      deps.onChange()
    }
  }

  // Readiness timers and listeners are cleared on online, exit and stop; only a second match in
  // the same chunk of output can arrive once online.
  function becomeOnline(r: Run): void {
    if (machine.state !== 'starting') return
    r.stopReadiness()
    st.onlineAt = clock.now()
    moveTo('online')
  }

  function readyTimeout(r: Run, ms: number): void {
    deps.logger.warn(`${ident.name} was not ready within ${ms} ms; stopping it`, { id: ident.id })
    r.exitReason = 'ready-timeout'
    void stopQuietly(r)
  }

  function memoryRestart(r: Run): Promise<void> {
    const g = gen
    return queue.run(async () => {
      if (g !== gen || r.exited) return
      r.exitReason = 'max-memory'
      events.emit('process:restarting', { ...ref(), ...withPid(), restarts: st.restarts + 1, delayMs: 0 })
      await stopNow()
      if (g !== gen) return
      st.restarts++
      await spawnRun()
    })
  }

  function recordExit(r: Run, exit: ChildExit): ExitRecord {
    const now = clock.now()
    const uptimeMs = now - r.startedAt
    const byUser = r.stopping && r.exitReason === 'stop'
    const record: ExitRecord = { code: exit.code, signal: exit.signal, uptimeMs, at: now, byUser }
    st.lastExit = { code: exit.code, signal: exit.signal, at: now, uptimeMs, reason: r.exitReason }
    st.exits = [...st.exits, st.lastExit].slice(-20)
    st.memory = null
    st.onlineAt = null
    events.emit('process:exited', {
      ...ref(),
      pid: r.child.pid,
      code: exit.code,
      signal: exit.signal,
      uptimeMs,
    })
    return record
  }

  function handleExit(r: Run, exit: ChildExit): void {
    r.exited = true
    stopWatching(r)
    const record = recordExit(r, exit)
    const timedOut = r.exitReason === 'ready-timeout'
    r.logs.exited?.({
      code: exit.code,
      signal: exit.signal,
      uptimeMs: record.uptimeMs,
      abnormal: timedOut || (!r.stopping && (exit.code !== 0 || exit.signal !== null)),
      reason: timedOut ? 'ready-timeout' : 'crash',
    })
    if (r.stopping) {
      // The stop path moves the state once the whole group is gone.
      st.history = [...st.history, { ...record, byUser: true }].slice(-HISTORY_KEEP)
      deps.onChange()
      return
    }
    if (deleted || r.gen !== gen) {
      moveTo('stopped')
      return
    }
    // A ready timeout counts as an unstable run whatever its length (§8.10).
    const decided = r.exitReason === 'ready-timeout' ? { ...record, uptimeMs: 0 } : record
    const decision = decideRestart(decided, st.history, spec.restart, deps.random)
    st.unstableRestarts = unstableStreak(decided, st.history, spec.restart.minUptimeMs)
    st.history = [...st.history, decided].slice(-Math.max(HISTORY_KEEP, spec.restart.maxRestarts + 2))
    if (decision.action === 'restart') {
      moveTo('stopped')
      scheduleRestart(decision.delayMs)
      return
    }
    const status = statusAfterGiveUp(decision.reason)
    if (status === 'errored') {
      markErrored({
        code: 'OD_PROCESS_UNSTABLE',
        message: `exited ${st.unstableRestarts} times in a row within ${spec.restart.minUptimeMs} ms of starting; not restarting`,
      })
    } else moveTo('stopped')
  }

  function scheduleRestart(delayMs: number): void {
    const g = gen
    st.nextRestartAt = clock.now() + delayMs
    events.emit('process:restarting', { ...ref(), restarts: st.restarts + 1, delayMs })
    restartTimer = clock.setTimeout(() => {
      // Every user operation cancels this timer; one arriving after it fired bumps the generation.
      restartTimer = null
      st.nextRestartAt = null
      void queue.run(async () => {
        if (g !== gen) return
        st.restarts++
        await spawnRun()
      })
    }, delayMs)
    deps.onChange()
  }

  async function spawnRun(): Promise<void> {
    const g = gen
    moveTo('starting')
    let child: ChildHandle
    try {
      child = await deps.spawner.spawn(deps.launch(ident, spec))
    } catch (err) {
      const info = toErrorInfo(err)
      deps.logger.error(`${ident.name} could not be started: ${info.message}`, { id: ident.id })
      markErrored({ code: info.code, message: info.message })
      return
    }
    const r: Run = {
      child,
      gen: g,
      startedAt: clock.now(),
      stopReadiness: () => undefined,
      stopMemory: () => undefined,
      logs: deps.logSink.attach(
        {
          ...ident,
          instances: spec.instances,
          pid: child.pid,
          cwd: spec.cwd,
          tags: spec.tags,
          logs: spec.logs,
        },
        child.stdout,
        child.stderr,
      ),
      exited: false,
      stopping: false,
      exitReason: 'crash',
    }
    run = r
    child.onExit((exit) => handleExit(r, exit))
    deps.onChange()
    // A stop or delete queued behind this spawn will stop the child; no readiness for it.
    if (g !== gen) return
    r.stopReadiness = watchReadiness(child, readinessMode(spec, deps.startGraceMs), clock, {
      ready: () => becomeOnline(r),
      timeout: (ms) => readyTimeout(r, ms),
    })
    const maxBytes = spec.maxMemoryBytes
    if (maxBytes !== null) {
      r.stopMemory = watchMemory({
        pid: child.pid,
        maxBytes,
        intervalMs: deps.memoryCheckMs,
        clock,
        readRss: deps.readRss,
        onSample: (rss) => void (st.memory = rss),
        onExceeded: (rss) => {
          deps.logger.warn(`${ident.name} uses ${rss} bytes, over max-memory ${maxBytes}; restarting it`, {
            id: ident.id,
          })
          void memoryRestart(r)
        },
      })
    }
  }

  async function stopQuietly(r: Run): Promise<void> {
    try {
      await stopGroup(r.child, spec.killSignal, spec.killTimeoutMs, clock, deps.stopOptions)
    } catch (err) {
      deps.logger.warn(`${ident.name}: ${toErrorInfo(err).message}`, { id: ident.id })
    }
  }

  async function stopNow(): Promise<void> {
    const r = run
    const state = machine.state
    if (r !== null && (state === 'starting' || state === 'online')) {
      r.stopping = true
      if (r.exitReason === 'crash') r.exitReason = 'stop'
      stopWatching(r)
      moveTo('stopping')
      await stopQuietly(r)
      // The app's last output is on disk before the stop is reported.
      await r.logs.close()
      moveTo('stopped')
      return
    }
    // Crashed runs may leave grandchildren in the group: reap them too.
    if (r !== null && r.exited) await stopQuietly(r)
  }

  return {
    ident,
    spec,
    get status() {
      return machine.state
    },
    async start() {
      gen++
      st.desired = 'online'
      cancelRestart()
      await queue.run(async () => {
        if (deleted || machine.state === 'starting' || machine.state === 'online') return
        await spawnRun()
      })
      await settled()
    },
    async stop() {
      gen++
      st.desired = 'stopped'
      cancelRestart()
      await queue.run(stopNow)
    },
    async restart() {
      gen++
      st.desired = 'online'
      cancelRestart()
      await queue.run(async () => {
        if (deleted) return
        await stopNow()
        st.restarts++
        st.unstableRestarts = 0
        st.history = []
        await spawnRun()
      })
      await settled()
    },
    async halt() {
      gen++
      cancelRestart()
      await queue.run(stopNow)
    },
    async remove() {
      deleted = true
      gen++
      cancelRestart()
      await queue.run(stopNow)
    },
    reset() {
      st.restarts = 0
      st.unstableRestarts = 0
      st.lastExit = null
      st.history = []
      st.exits = []
      deps.onChange()
    },
    snapshot() {
      const live = run !== null && !run.exited ? run : null
      return {
        status: machine.state,
        desired: st.desired,
        pid: live?.child.pid ?? null,
        pgid: live?.child.pgid ?? null,
        pidStartTime: live?.child.startTime ?? null,
        startedAt: live?.startedAt ?? null,
        onlineAt: st.onlineAt,
        restarts: st.restarts,
        unstableRestarts: st.unstableRestarts,
        nextRestartAt: st.nextRestartAt,
        lastExit: st.lastExit,
        error: st.error,
        memory: st.memory,
        history: st.exits,
      }
    },
  }
}
