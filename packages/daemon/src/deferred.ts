/** A promise with its resolve function, for "settles later" signals. */
export interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

/**
 * Creates a {@link Deferred} (Node 20 has no `Promise.withResolvers`).
 *
 * @example
 * ```ts
 * import { createDeferred } from '@opendaemon/daemon'
 *
 * const stopped = createDeferred<void>()
 * stopped.resolve()
 * await stopped.promise
 * ```
 * @since 0.1.0
 */
export function createDeferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
