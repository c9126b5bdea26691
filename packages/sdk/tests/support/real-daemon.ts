import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable } from 'node:stream'

/** The daemon's runnable entry, built by `pnpm --filter @opendaemon/daemon build`. */
export const DAEMON_ENTRY = join(__dirname, '..', '..', '..', 'daemon', 'dist', 'main.js')
export const daemonBuilt = existsSync(DAEMON_ENTRY)

/** Real daemon processes on one short temporary OD_HOME; `stop()` ends every one it started. */
export interface RealDaemons {
  readonly home: string
  /** Starts a daemon and resolves with its pid once it reported `ready`. */
  start(): Promise<number>
  /** Sends `signal` to a daemon this helper started and resolves once it exited. */
  kill(pid: number, signal?: NodeJS.Signals): Promise<void>
  stop(): Promise<void>
}

export function realDaemons(): RealDaemons {
  const dir = mkdtempSync('/tmp/od-')
  const home = join(dir, 'h')
  const children = new Map<number, ChildProcess>()

  function exited(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
    return new Promise((resolve) => child.once('exit', () => resolve()))
  }

  return {
    home,
    async start() {
      const env = { PATH: process.env['PATH'] ?? '', OD_HOME: home }
      const child = spawn(process.execPath, [DAEMON_ENTRY], {
        env,
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      })
      const line = await new Promise<string>((resolve, reject) => {
        let text = ''
        let stderr = ''
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        const pipe = child.stdio[3] as Readable
        pipe.on('data', (chunk: Buffer) => {
          text += chunk.toString()
          if (text.includes('\n')) resolve(text.trim())
        })
        child.once('exit', (code) => reject(new Error(`daemon exited with ${code}: ${stderr}`)))
      })
      const match = /^ready (\d+)$/.exec(line)
      if (match === null) throw new Error(`daemon said: ${line}`)
      children.set(child.pid as number, child)
      return Number(match[1])
    },
    async kill(pid, signal = 'SIGTERM') {
      const child = children.get(pid) as ChildProcess
      child.kill(signal)
      await exited(child)
    },
    async stop() {
      for (const child of children.values()) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited(child)
        clearTimeout(timer)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
