#!/usr/bin/env node
// `od ping` with the daemon running against a bare `node -e 0` (issue #3 Figures, SPECIFICATION.md §29.2
// #4: goal ≤ 1.5×), plus `opendaemon --version` for reference. Runs are interleaved so machine noise hits
// every command alike; the first 3 rounds warm the file cache and are dropped.
// Usage: node bench/cli-startup.mjs [runs=20]
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import {
  childEnv,
  CLI,
  DAEMON,
  fmt,
  median,
  removeDir,
  requireBuilt,
  startDaemon,
  stopChild,
  table,
  tempDir,
} from './lib/common.mjs'

const RUNS = Number(process.argv[2] ?? 20)
const WARMUP = 3
requireBuilt(CLI, DAEMON)

const dir = tempDir()
const home = join(dir, 'odhome')
let daemon
try {
  daemon = await startDaemon(home)
  const env = childEnv({ OD_HOME: home })
  const cases = [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: 'od ping', args: [CLI, 'ping'] },
    { label: 'od --version', args: [CLI, '--version'] },
  ]
  const samples = new Map(cases.map((c) => [c.label, []]))
  for (let round = 0; round < RUNS + WARMUP; round++) {
    for (const c of cases) {
      const start = process.hrtime.bigint()
      const result = spawnSync(process.execPath, c.args, { env, stdio: 'ignore' })
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      if (result.status !== 0) throw new Error(`${c.label} exited with ${result.status}`)
      if (round >= WARMUP) samples.get(c.label).push(ms)
    }
  }
  const base = median(samples.get('node -e 0'))
  const rows = cases.map(({ label }) => {
    const xs = samples.get(label)
    const m = median(xs)
    const goal = label === 'od ping' ? '≤ 1.50×' : ''
    const verdict = label === 'od ping' ? (m / base <= 1.5 ? 'met' : 'missed') : ''
    return [label, fmt(m, 1), fmt(Math.min(...xs), 1), `${(m / base).toFixed(2)}×`, goal, verdict]
  })
  console.log(`## CLI start-up (${RUNS} runs each, interleaved; wall ms)\n`)
  console.log(table(['command', 'median', 'min', 'ratio to node -e 0', 'goal', ''], rows))
  const os = await import('node:os')
  console.log(
    `\nnode ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; NODE_EXTRA_CA_CERTS unset`,
  )
} finally {
  if (daemon) await stopChild(daemon)
  removeDir(dir)
}
