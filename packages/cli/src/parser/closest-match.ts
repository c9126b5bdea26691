/**
 * Edit distance (optimal string alignment: insertions, deletions, substitutions and adjacent swaps).
 *
 * @example
 * ```ts
 * editDistance('lsit', 'list') // 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[] = new Array<number>(rows * cols).fill(0)
  const at = (i: number, j: number): number => d[i * cols + j] as number
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1)
      }
      d[i * cols + j] = best
    }
  }
  return at(rows - 1, cols - 1)
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo: a prefix of at least
 * two characters, or within an edit distance of about a third of the word (at least 1, at most 3).
 *
 * @example
 * ```ts
 * closestMatch('verison', ['version', 'help']) // 'version'
 * closestMatch('zzz', ['version', 'help']) // undefined
 * ```
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase()
  let best: string | undefined
  let bestDistance = Math.min(3, Math.max(1, Math.floor(needle.length / 3))) + 1
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  if (best !== undefined || needle.length < 2) return best
  return candidates.find((c) => c.toLowerCase().startsWith(needle))
}
