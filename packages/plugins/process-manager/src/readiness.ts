/**
 * Pure readiness rules (§8.10): which signal makes a starting instance `online`, whether an IPC
 * message means "ready", and complete stdout lines for `readyPattern`.
 */
import type { Clock } from '@opendaemon/core'
import type { AppSpec } from './app-spec.js'
import type { ChildHandle } from './spawner.js'

/** How an instance becomes online. */
export type ReadinessMode =
  | { kind: 'grace'; ms: number }
  | { kind: 'message'; timeoutMs: number }
  | { kind: 'pattern'; pattern: RegExp; timeoutMs: number }

/**
 * The readiness mode of an app: `readyPattern` wins over `waitReady`, else the start grace.
 *
 * @example
 * ```ts
 * import { readinessMode } from '@opendaemon/plugin-process-manager'
 *
 * readinessMode({ waitReady: true, readyPattern: null, listenTimeoutMs: 3000 }, 100) // { kind: 'message', timeoutMs: 3000 }
 * ```
 */
export function readinessMode(
  spec: Pick<AppSpec, 'waitReady' | 'readyPattern' | 'listenTimeoutMs'>,
  startGraceMs: number,
): ReadinessMode {
  if (spec.readyPattern !== null) {
    return { kind: 'pattern', pattern: new RegExp(spec.readyPattern), timeoutMs: spec.listenTimeoutMs }
  }
  if (spec.waitReady) return { kind: 'message', timeoutMs: spec.listenTimeoutMs }
  return { kind: 'grace', ms: startGraceMs }
}

/** True for PM2's `'ready'` and OpenDaemon's `{ od: 1, type: 'ready' }`. */
export function isReadyMessage(message: unknown): boolean {
  if (message === 'ready') return true
  if (typeof message !== 'object' || message === null) return false
  const m = message as { od?: unknown; type?: unknown }
  return m.od === 1 && m.type === 'ready'
}

/**
 * Feeds chunks of output; calls `onLine` for every complete line (without its newline). Lines
 * longer than `maxLine` characters are cut, so a newline-less flood cannot grow memory.
 */
export function createLineSplitter(
  onLine: (line: string) => void,
  maxLine = 64 * 1024,
): (chunk: string) => void {
  let pending = ''
  return (chunk) => {
    pending += chunk
    let nl = pending.indexOf('\n')
    while (nl !== -1) {
      onLine(pending.slice(0, nl).replace(/\r$/, ''))
      pending = pending.slice(nl + 1)
      nl = pending.indexOf('\n')
    }
    if (pending.length > maxLine) pending = pending.slice(-maxLine)
  }
}

/** What {@link watchReadiness} reports. */
export interface ReadinessHandlers {
  ready(): void
  /** `waitReady`/`readyPattern` only: no signal within the listen timeout. */
  timeout(ms: number): void
}

/**
 * Watch a starting child for the signal of `mode`; returns a function that stops watching (timers
 * and listeners), called once the child is online, has exited or is being stopped.
 *
 * @example
 * ```ts
 * const stop = watchReadiness(child, readinessMode(spec, 100), clock, { ready: markOnline, timeout: fail })
 * ```
 */
export function watchReadiness(
  child: Pick<ChildHandle, 'stdout' | 'onMessage'>,
  mode: ReadinessMode,
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>,
  on: ReadinessHandlers,
): () => void {
  if (mode.kind === 'grace') {
    const timer = clock.setTimeout(() => on.ready(), mode.ms)
    return () => clock.clearTimeout(timer)
  }
  const timer = clock.setTimeout(() => on.timeout(mode.timeoutMs), mode.timeoutMs)
  let off: (() => void) | undefined
  if (mode.kind === 'message') {
    off = child.onMessage?.((message) => {
      if (isReadyMessage(message)) on.ready()
    })
  } else {
    const split = createLineSplitter((line) => {
      if (mode.pattern.test(line)) on.ready()
    })
    const onData = (chunk: Buffer | string): void => split(chunk.toString())
    child.stdout.on('data', onData)
    off = () => void child.stdout.off('data', onData)
  }
  return () => {
    clock.clearTimeout(timer)
    off?.()
  }
}
