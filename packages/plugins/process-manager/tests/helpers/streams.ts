// Waiting on child output and exits with a safety deadline (a deadline, not a sleep: the wait ends
// as soon as the event happens).
import type { Readable } from 'node:stream'
import type { ChildExit, ChildHandle } from '../../src/spawner.js'

/** Collects a stream's text as it arrives; `waitFor` resolves with the first line matching `re`. */
export function collect(stream: Readable): {
  text: () => string
  waitFor: (re: RegExp, timeoutMs?: number) => Promise<string>
} {
  let text = ''
  let ended = false
  const waiters = new Set<() => void>()
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    text += chunk
    for (const w of [...waiters]) w()
  })
  stream.on('end', () => {
    ended = true
    for (const w of [...waiters]) w()
  })
  return {
    text: () => text,
    waitFor: (re, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const line = text.split('\n').find((l) => re.test(l))
          if (line !== undefined) done(() => resolve(line))
          else if (ended) done(() => reject(new Error(`stream ended without ${re}; got:\n${text}`)))
        }
        const timer = setTimeout(
          () => done(() => reject(new Error(`no ${re} within ${timeoutMs} ms; got:\n${text}`))),
          timeoutMs,
        )
        const done = (finish: () => void): void => {
          clearTimeout(timer)
          waiters.delete(check)
          finish()
        }
        waiters.add(check)
        check()
      }),
  }
}

/** Resolves with the leader's exit. */
export function exitOf(handle: ChildHandle, timeoutMs = 10_000): Promise<ChildExit> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`pid ${handle.pid} did not exit within ${timeoutMs} ms`)),
      timeoutMs,
    )
    handle.onExit((exit) => {
      clearTimeout(timer)
      resolve(exit)
    })
  })
}
