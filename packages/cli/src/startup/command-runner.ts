/** Running the tools of the init systems (`systemctl`, `getent`, …) without a shell: the I/O edge. */
import { execFile } from 'node:child_process'

/** How a command ended. `code` is 127 when the program was not found. */
export interface CommandResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs argv (no shell) and resolves with how it ended; never rejects. */
export type RunCommand = (argv: readonly string[]) => Promise<CommandResult>

/** How long one command may take. */
export const COMMAND_TIMEOUT_MS = 60_000

/**
 * A {@link RunCommand} on `execFile`, looking programs up in `env.PATH` (so a test can put a fake
 * `systemctl` first on PATH).
 *
 * @example
 * ```ts
 * const run = execRunner(process.env)
 * const { code, stdout } = await run(['getent', 'passwd', 'root'])
 * ```
 */
export function execRunner(env: Readonly<Record<string, string | undefined>>): RunCommand {
  return (argv) =>
    new Promise((resolve) => {
      const program = argv[0] as string
      const args = argv.slice(1)
      execFile(program, args, { env, timeout: COMMAND_TIMEOUT_MS }, (error, stdout, stderr) => {
        if (error === null) return resolve({ code: 0, stdout, stderr })
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT') return resolve({ code: 127, stdout, stderr: `${program}: not found` })
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr: stderr || error.message })
      })
    })
}
