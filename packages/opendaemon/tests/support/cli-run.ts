import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { packageDir } from './repo.js'

/** The built bin, called by path (never `od` from PATH: /usr/bin/od is the octal dump). */
export const CLI = join(packageDir(), 'dist', 'cli.cjs')

/** One CLI run: exit code and output. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** A short temporary OD_HOME for one test, and the CLI run against it. */
export interface CliHome {
  readonly home: string
  run(args: readonly string[], env?: Record<string, string>): Promise<CliResult>
  /** The pid recorded in `daemon.pid`, or null without one. */
  daemonPid(): number | null
  /** Stops the daemon of this home by pid (SIGTERM, then SIGKILL) and removes the directory. */
  cleanup(): Promise<void>
}

/** Whether `pid` runs (a zombie waiting to be reaped counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')
  } catch {
    return false
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (alive(pid)) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

export function cliHome(): CliHome {
  const dir = mkdtempSync('/tmp/od-')
  const home = join(dir, 'h')
  const seen = new Set<number>()
  const daemonPid = (): number | null => {
    const file = join(home, 'daemon.pid')
    if (!existsSync(file)) return null
    const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid
    seen.add(pid)
    return pid
  }
  return {
    home,
    daemonPid,
    run(args, env = {}) {
      // NODE_EXTRA_CA_CERTS is left out: it costs every node start ~50 ms here.
      const childEnv = { PATH: process.env['PATH'] ?? '', HOME: dir, OD_HOME: home, ...env }
      return new Promise((resolve) => {
        execFile(
          process.execPath,
          [CLI, ...args],
          { env: childEnv, timeout: 30_000 },
          (error, stdout, stderr) => {
            daemonPid()
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
            resolve({ code, stdout, stderr })
          },
        )
      })
    },
    async cleanup() {
      daemonPid()
      for (const pid of seen) {
        if (!alive(pid)) continue
        process.kill(pid, 'SIGTERM')
        if (!(await waitGone(pid, 5_000))) process.kill(pid, 'SIGKILL')
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
