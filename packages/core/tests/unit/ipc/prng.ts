/** Seeded PRNG (mulberry32) so property and fuzz tests reproduce: a failure names its seed. */
export interface Prng {
  /** Float in [0, 1). */
  next(): number
  /** Integer in [min, max]. */
  int(min: number, max: number): number
  bytes(length: number): Buffer
  pick<T>(items: readonly T[]): T
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    bytes: (length) => Buffer.from(Array.from({ length }, () => int(0, 255))),
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
  }
}
