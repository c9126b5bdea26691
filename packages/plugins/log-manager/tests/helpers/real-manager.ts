// A log manager on the real file system and clock, and helpers to run flood fixtures into it.
import { createLogger, systemClock } from '@opendaemon/core'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { createLineHub } from '../../src/live/line-hub.js'
import { LOG_DEFAULTS } from '../../src/log-options.js'
import { createLogManager, type LogManager, type SinkExit } from '../../src/log-manager.js'
import { nodeLogFs } from '../../src/write/log-fs.js'

export const FLOOD = fileURLToPath(new URL('../fixtures/flood.cjs', import.meta.url))

export interface RealManager {
  dir: string
  logs: LogManager
  events: { name: string; data: unknown }[]
  hub: ReturnType<typeof createLineHub>
  cleanup(): void
}

export function realManager(): RealManager {
  const dir = mkdtempSync('/tmp/od-')
  const events: { name: string; data: unknown }[] = []
  const hub = createLineHub()
  const logs = createLogManager({
    fs: nodeLogFs,
    clock: systemClock,
    defer: (fn) => void setImmediate(fn),
    events: { emit: (name, data) => void events.push({ name, data }) },
    logger: createLogger(),
    hub,
    settings: {
      dir: join(dir, 'logs'),
      highWaterMark: 512 * 1024,
      errorBuffer: 8 << 20,
      partialFlushMs: 1000,
      retryMs: 1000,
      drainTimeoutMs: 5000,
      defaults: LOG_DEFAULTS,
    },
  })
  return { dir, logs, events, hub, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Runs the flood fixture with `env`, attached to the manager; resolves once its output is written. */
export async function runFlood(
  m: RealManager,
  env: Record<string, string>,
  target: { name: string; logs?: Record<string, unknown> },
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [FLOOD], { env: { ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const attached = m.logs.attach({ id: 0, pid: child.pid as number, ...target }, child.stdout, child.stderr)
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const info: SinkExit = {
    code: exit.code,
    signal: exit.signal,
    uptimeMs: 1,
    abnormal: exit.code !== 0,
    reason: 'crash',
  }
  attached.exited(info)
  await attached.close()
  return exit
}

/** The contents of a log file and its rotated files, oldest first, gunzipped. */
export function readAllRotations(logDir: string, base: string): { files: string[]; text: string } {
  const stem = base.replace(/\.log$/, '')
  const order = (f: string) =>
    f
      .replace(/(\d\d)(\.log)/, '$1-0$2')
      .replace(/-(\d+)(\.log)/, (_m, n: string, ext: string) => `-${n.padStart(6, '0')}${ext}`)
  const rotated = readdirSync(logDir)
    .filter((f) => f.startsWith(`${stem}__`))
    .sort((a, b) => (order(a) < order(b) ? -1 : 1))
  const parts = [...rotated, base].map((f) => {
    const data = readFileSync(join(logDir, f))
    return f.endsWith('.gz') ? gunzipSync(data) : data
  })
  return { files: rotated, text: Buffer.concat(parts).toString() }
}

/** Checks that `text` holds exactly the flood lines from..to-1 in order; returns the first problem. */
export function checkNumbered(text: string, from: number, to: number): string | null {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  if (lines.length !== to - from) return `expected ${to - from} lines, got ${lines.length}`
  for (let i = 0; i < lines.length; i++) {
    const n = Number((lines[i] as string).slice(5, 14))
    if (n !== from + i || (lines[i] as string).length !== 95)
      return `line ${i}: ${(lines[i] as string).slice(0, 30)}`
  }
  return null
}
