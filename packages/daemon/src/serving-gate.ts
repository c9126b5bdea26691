import { createDeferred } from './deferred.js'

/** Holds requests until the daemon serves, or fails them when the boot fails. */
export interface ServingGate {
  /** `null` once open (serve at once); otherwise a promise that settles when the gate does. */
  wait(): Promise<void> | null
  open(): void
  fail(error: unknown): void
}

/**
 * Creates a closed gate.
 *
 * @example
 * ```ts
 * import { createServingGate } from '@opendaemon/daemon'
 *
 * const gate = createServingGate()
 * const waiting = gate.wait()
 * gate.open()
 * await waiting
 * gate.wait() // null
 * ```
 * @since 0.1.0
 */
export function createServingGate(): ServingGate {
  const opened = createDeferred<void>()
  opened.promise.catch(() => undefined) // only the requests waiting on it care about a failed boot
  let open = false
  return {
    wait: () => (open ? null : opened.promise),
    open() {
      open = true
      opened.resolve()
    },
    fail: (error) => opened.reject(error),
  }
}
