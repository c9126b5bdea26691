import type { ClientLike } from '../../src/client-like.js'

/** A client answering from a table of canned results (a function may inspect params or throw). */
export function fakeClient(answers: Record<string, unknown | ((params: unknown) => unknown)>): ClientLike & {
  calls: { method: string; params: unknown }[]
} {
  const calls: { method: string; params: unknown }[] = []
  return {
    calls,
    call(method, params) {
      calls.push({ method, params })
      const answer = answers[method]
      try {
        return Promise.resolve(
          typeof answer === 'function' ? (answer as (p: unknown) => unknown)(params) : answer,
        )
      } catch (err) {
        return Promise.reject(err)
      }
    },
    close: () => Promise.resolve(),
  }
}
