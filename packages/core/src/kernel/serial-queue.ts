/** Runs async tasks one after another, in the order they were queued. */
export interface SerialQueue {
  /** Queues `task`; the result settles with the task's. A failing task does not block later ones. */
  run<T>(task: () => Promise<T>): Promise<T>
}

/**
 * Creates a {@link SerialQueue}. The kernel runs boot, shutdown, enable and disable through one,
 * so lifecycle changes never interleave.
 *
 * @example
 * ```ts
 * import { createSerialQueue } from '@opendaemon/core'
 *
 * const queue = createSerialQueue()
 * void queue.run(async () => 'first')
 * await queue.run(async () => 'second') // runs after 'first' settled
 * ```
 * @since 0.1.0
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run(task) {
      const result = tail.then(task)
      tail = result.then(
        () => undefined,
        () => undefined, // the caller observes the rejection through `result`
      )
      return result
    },
  }
}
