import { mkdtempSync, rmSync } from 'node:fs'

/** Short temporary OD_HOMEs (`/tmp/od-XXXXXX`), removed by `cleanup()`. */
export function createTempHomes(): { make(): string; cleanup(): void } {
  const made: string[] = []
  return {
    make() {
      const home = mkdtempSync('/tmp/od-')
      made.push(home)
      return home
    },
    cleanup() {
      for (const home of made.splice(0)) rmSync(home, { recursive: true, force: true })
    },
  }
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
