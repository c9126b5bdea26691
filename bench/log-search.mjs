#!/usr/bin/env node
// Issue #5 figure (SPECIFICATION.md §9.13): `od logs --grep X --since 1h` over 10 rotated, gzipped
// files (one hour of prefixed lines each, named per §9.8) plus the current file — measured and
// reported. In the same run: the same search without --since (every file decompressed), and the
// shell equivalent `zcat *.gz | grep X` over all files. `scannedFiles` (from `log.search`) shows the
// --since cut. Usage: node bench/log-search.mjs [linesPerFile=100000] [runs=7]
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import {
  childEnv,
  CLI,
  DAEMON,
  fmt,
  median,
  removeDir,
  requireBuilt,
  SDK,
  startDaemon,
  stopChild,
  table,
  tempDir,
} from './lib/common.mjs'

const PER_FILE = Number(process.argv[2] ?? 100_000)
const RUNS = Number(process.argv[3] ?? 7)
const FILES = 10
const HOUR = 3_600_000
requireBuilt(CLI, DAEMON, SDK)

const pad2 = (n) => String(n).padStart(2, '0')
/** `YYYY-MM-DD_HH-mm-ss` in local time (§9.8). */
function stamp(ms) {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}_${pad2(d.getHours())}-${pad2(d.getMinutes())}-${pad2(d.getSeconds())}`
}

/** One hour of lines ending at `end`; every 1000th line holds the needle. */
function hourOfLines(end, offset) {
  const step = HOUR / PER_FILE
  const pad = 'y'.repeat(60)
  let text = ''
  for (let i = 0; i < PER_FILE; i++) {
    const n = offset + i
    text += `${new Date(end - HOUR + i * step).toISOString()}: ${String(n).padStart(9, '0')} ${n % 1000 === 0 ? 'NEEDLE' : 'hay'} ${pad}\n`
  }
  return text
}

function time(args, env) {
  const t0 = process.hrtime.bigint()
  const result = spawnSync(args[0], args.slice(1), {
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    shell: false,
  })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`)
  return { ms, lines: result.stdout.trimEnd().split('\n').length }
}

const dir = tempDir()
const home = join(dir, 'odhome')
let daemon
try {
  const logs = join(home, 'logs')
  mkdirSync(logs, { recursive: true, mode: 0o700 })
  // The current file holds the last 30 minutes; the 10 rotated files the 10 hours before.
  const now = Date.now()
  const currentStart = now - HOUR / 2
  let gzBytes = 0
  for (let k = 0; k < FILES; k++) {
    const end = currentStart - k * HOUR
    const gz = gzipSync(hourOfLines(end, (FILES - k) * PER_FILE))
    gzBytes += gz.length
    writeFileSync(join(logs, `api-out__${stamp(end)}.log.gz`), gz)
  }
  writeFileSync(
    join(logs, 'api-out.log'),
    hourOfLines(now + HOUR / 2, (FILES + 1) * PER_FILE).slice(0, undefined),
  )
  const uncompressed = PER_FILE * 100 * FILES
  console.error(
    `wrote ${FILES} rotated files (${(gzBytes / 1024 / 1024).toFixed(1)} MiB gzipped, ~${(uncompressed / 1024 / 1024).toFixed(0)} MiB of text) and a current file`,
  )
  daemon = await startDaemon(home)
  const env = childEnv({ OD_HOME: home, NO_COLOR: '1' })

  const { OpenDaemon } = await import(pathToFileURL(SDK).href)
  const od = new OpenDaemon({ home, autoStart: false })
  await od.connect()
  const since = await od.call('log.search', { grep: 'NEEDLE', since: '1h', lines: 100_000 })
  const all = await od.call('log.search', { grep: 'NEEDLE', lines: 100_000 })

  const cases = [
    {
      label: 'od logs --grep NEEDLE --since 1h',
      args: [process.execPath, CLI, 'logs', '--grep', 'NEEDLE', '--since', '1h', '--lines', '100000'],
    },
    {
      label: 'od logs --grep NEEDLE (no --since: all 11 files)',
      args: [process.execPath, CLI, 'logs', '--grep', 'NEEDLE', '--lines', '100000'],
    },
    {
      label: 'sh: zcat *.gz | grep NEEDLE; grep NEEDLE current',
      args: ['sh', '-c', `cd ${logs} && { zcat api-out__*.log.gz; cat api-out.log; } | grep NEEDLE`],
    },
  ]
  const samples = new Map(cases.map((c) => [c.label, []]))
  const counts = new Map()
  for (let round = 0; round < RUNS + 1; round++) {
    for (const c of cases) {
      const { ms, lines } = time(c.args, env)
      counts.set(c.label, lines)
      if (round > 0) samples.get(c.label).push(ms)
    }
  }
  await od.disconnect()
  const rows = cases.map(({ label }) => [
    label,
    fmt(median(samples.get(label)), 0),
    fmt(Math.min(...samples.get(label)), 0),
    counts.get(label),
  ])
  console.log(
    `## od logs --grep X --since 1h over ${FILES} rotated gzipped files (${PER_FILE} lines each; ${RUNS} runs; wall ms)\n`,
  )
  console.log(table(['command', 'median', 'min', 'lines printed'], rows))
  console.log(
    `\nlog.search scannedFiles: ${since.scannedFiles} with --since 1h (matches ${since.entries.length}), ${all.scannedFiles} without (matches ${all.entries.length}, truncated ${all.truncated})`,
  )
  const os = await import('node:os')
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
} finally {
  if (daemon) await stopChild(daemon)
  removeDir(dir)
}
