import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { waitFor } from './temp-home.js'

/** The built entry (turbo builds before tests; by hand: `pnpm exec tsup`). */
export const MAIN_JS = fileURLToPath(new URL('../../dist/main.js', import.meta.url))

export interface SpawnedDaemon {
  child: ChildProcess
  pid: number
  /** The readiness line (without newline), or '' when the pipe closed without one. */
  readiness: Promise<string>
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stdout(): string
}

/** Spawned daemons of one test file; `cleanup()` stops the ones still running. */
export function createSpawner() {
  const spawned: SpawnedDaemon[] = []

  function start(
    env: Record<string, string>,
    args: string[] = [],
    options: { readinessPipe?: boolean } = {},
  ): SpawnedDaemon {
    if (!existsSync(MAIN_JS))
      throw new Error(`${MAIN_JS} is missing: run \`pnpm exec tsup\` in packages/daemon first`)
    const pipe = options.readinessPipe ?? true
    const child = spawn(process.execPath, [MAIN_JS, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: pipe ? ['ignore', 'pipe', 'ignore', 'pipe'] : ['ignore', 'pipe', 'ignore'],
    })
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    )
    const readiness = new Promise<string>((resolve) => {
      const stream = child.stdio[3]
      if (!pipe || stream === null || stream === undefined) return resolve('')
      let text = ''
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
      stream.on('error', () => resolve(text.trimEnd()))
      stream.on('close', () => resolve(text.trimEnd()))
    })
    const daemon = { child, pid: child.pid as number, readiness, exit, stdout: () => out }
    spawned.push(daemon)
    return daemon
  }

  async function stop(daemon: SpawnedDaemon): Promise<void> {
    if (daemon.child.exitCode !== null || daemon.child.signalCode !== null) return
    daemon.child.kill('SIGTERM')
    const exited = await Promise.race([
      daemon.exit.then(() => true),
      waitFor('exit', () => false, 5_000).catch(() => false),
    ])
    if (!exited) {
      daemon.child.kill('SIGKILL')
      await daemon.exit
    }
  }

  return {
    start,
    stop,
    async cleanup() {
      await Promise.all(spawned.splice(0).map(stop))
    },
  }
}

/** True while `pid` exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
