import { DaemonError } from '../errors/daemon-error.js'
import type { DaemonStopReason } from '../events.js'
import { VERSION } from '../version.js'
import { isShuttingDown, type KernelCore } from './kernel-core.js'
import { runPhase, stopAll } from './plugin-lifecycle.js'

/** Boot and shutdown of a kernel, each run at most once through the kernel's queue. */
export interface DaemonLifecycle {
  start(): Promise<void>
  stop(reason: DaemonStopReason): Promise<void>
  /** Epoch ms when `start()` began; `null` before. */
  startedAt(): number | null
}

/**
 * Drives the daemon state machine: `start()` emits `daemon:starting`, rejects with
 * `declarationError` (after stopping) if the plugin declarations were invalid, then runs install
 * and onStart for all plugins (`ready`), onReady for all (`running`). `stop()` stops every running
 * plugin in reverse order (`stopping` → `stopped`). Both return the same promise when repeated.
 */
export function createDaemonLifecycle(core: KernelCore, declarationError: unknown): DaemonLifecycle {
  const { machine, events, clock } = core
  let startedAt: number | null = null
  let startPromise: Promise<void> | undefined
  let stopPromise: Promise<void> | undefined

  async function shutdown(reason: DaemonStopReason): Promise<void> {
    if (isShuttingDown(core)) return
    machine.transition('stopping', { reason })
    events.emit('daemon:stopping', { reason, at: clock.now() })
    await stopAll(core)
    machine.transition('stopped', { reason })
    const at = clock.now()
    events.emit('daemon:stopped', { reason, uptimeMs: startedAt === null ? 0 : at - startedAt, at })
  }

  async function boot(): Promise<void> {
    if (machine.state !== 'starting') throw new DaemonError('OD_DAEMON_SHUTTING_DOWN')
    const began = clock.now()
    startedAt = began
    events.emit('daemon:starting', { pid: core.pid, version: VERSION, at: began })
    if (declarationError !== undefined) {
      await shutdown('boot-failed')
      throw declarationError
    }
    await runPhase(core, 'install')
    await runPhase(core, 'onStart')
    machine.transition('ready')
    events.emit('daemon:ready', { pid: core.pid, at: clock.now() })
    await runPhase(core, 'onReady')
    machine.transition('running')
    const at = clock.now()
    events.emit('daemon:running', { pid: core.pid, bootMs: at - began, at })
  }

  return {
    start: () => (startPromise ??= core.queue.run(boot)),
    stop: (reason) => (stopPromise ??= core.queue.run(() => shutdown(reason))),
    startedAt: () => startedAt,
  }
}
