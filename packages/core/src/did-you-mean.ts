function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current.push(
        Math.min(
          (previous[j] as number) + 1,
          (current[j - 1] as number) + 1,
          (previous[j - 1] as number) + cost,
        ),
      )
    }
    previous = current
  }
  return previous[b.length] as number
}

/**
 * The candidate closest to `input` (Levenshtein distance, case-insensitive), if it is within
 * `maxDistance` edits; ties go to the earlier candidate. For "did you mean …?" hints.
 *
 * @example
 * ```ts
 * import { didYouMean } from '@opendaemon/core'
 *
 * didYouMean('prot', ['port', 'host']) // 'port'
 * didYouMean('xyz', ['port']) // undefined
 * ```
 * @since 0.1.0
 */
export function didYouMean(input: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  let best: string | undefined
  let bestDistance = maxDistance + 1
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
