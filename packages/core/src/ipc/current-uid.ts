/**
 * The uid of this process, or `fallback` where uids do not exist (Windows, which has no Unix
 * sockets: only the fallback keeps the ownership checks neutral there).
 */
export function currentUid(fallback: number): number {
  /* v8 ignore next -- process.getuid is missing only on Windows */
  return process.getuid?.() ?? fallback
}
