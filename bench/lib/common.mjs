// Shared helpers of the bench scripts: paths, a clean child environment, daemon start/stop, medians.
// Benchmarks are not tests: they print figures (markdown) next to a baseline measured in the same run.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CLI = join(ROOT, 'packages/opendaemon/dist/cli.cjs')
export const DAEMON = join(ROOT, 'packages/opendaemon/dist/daemon.js')
export const SDK = join(ROOT, 'packages/sdk/dist/index.js')

/** Exits with a hint when a build output is missing. */
export function requireBuilt(...files) {
  for (const file of files) {
    if (!existsSync(file)) {
      console.error(`${file} is missing: run \`npx -y pnpm@9 build\` first.`)
      process.exit(1)
    }
  }
}

/** The environment of every child: NODE_EXTRA_CA_CERTS removed (it costs ~50 ms per node start here). */
export function childEnv(extra = {}) {
  const env = { ...process.env, ...extra }
  delete env.NODE_EXTRA_CA_CERTS
  delete env.NODE_OPTIONS
  return env
}

/** A fresh short temporary directory (Unix socket paths must stay under 107 bytes). */
export function tempDir() {
  return mkdtempSync('/tmp/odbench-')
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true })
}

/** Starts the built daemon for `home` the way the CLI launcher does and resolves once it is ready. */
export function startDaemon(home) {
  const child = spawn(process.execPath, [DAEMON], {
    env: childEnv({ OD_HOME: home }),
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let line = ''
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdio[3].on('data', (chunk) => {
      line += chunk
      if (!line.includes('\n')) return
      if (line.startsWith('ready ')) resolve(child)
      else reject(new Error(`daemon: ${line.trim()}`))
    })
    child.once('exit', (code) => reject(new Error(`daemon exited with ${code}: ${stderr}`)))
  })
}

/** Stops a child this script started: SIGTERM, then SIGKILL after 5 s. */
export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** A markdown table from a header row and data rows. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
