/**
 * Polls `fn` every 20 ms until it returns something other than `undefined`, and returns that; throws
 * `timed out waiting for <what>` after `ms` (a deadline, never a fixed sleep).
 */
export async function until<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await fn()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
