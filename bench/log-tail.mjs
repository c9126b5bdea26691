#!/usr/bin/env node
// Issue #5 figure (SPECIFICATION.md §9.13): `od logs api --lines 100` on a 1 GB log (goal < 100 ms),
// next to `tail -n 100` on the same file in the same run, interleaved; plus the daemon-side time of the
// `log.tail` call alone (SDK round trip, no process start) and `node -e 0` for the Node start-up floor.
// The log is timestamp-prefixed (`time: true`-style lines of ~100 bytes). The output of `od logs` is
// checked against `tail`. Usage: node bench/log-tail.mjs [sizeMB=1024] [runs=15]
import { spawnSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
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

const SIZE_MB = Number(process.argv[2] ?? 1024)
const RUNS = Number(process.argv[3] ?? 15)
const WARMUP = 3
requireBuilt(CLI, DAEMON, SDK)

/** Writes ~SIZE_MB of prefixed lines, one second apart, ending now. */
function writeLog(file) {
  const pad = 'x'.repeat(60)
  const lineBytes = 24 + 2 + 8 + 1 + pad.length + 1
  const total = Math.floor((SIZE_MB * 1024 * 1024) / lineBytes)
  const start = Date.now() - total * 1000
  const fd = openSync(file, 'w')
  let chunk = ''
  for (let i = 0; i < total; i++) {
    chunk += `${new Date(start + i * 1000).toISOString()}: ${String(i).padStart(8, '0')} ${pad}\n`
    if (chunk.length >= 8 * 1024 * 1024) {
      writeSync(fd, chunk)
      chunk = ''
    }
  }
  writeSync(fd, chunk)
  closeSync(fd)
  return total
}

function time(command, args, env) {
  const t0 = process.hrtime.bigint()
  const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`)
  return { ms, stdout: result.stdout }
}

const dir = tempDir()
const home = join(dir, 'odhome')
let daemon
try {
  mkdirSync(join(home, 'logs'), { recursive: true, mode: 0o700 })
  const file = join(home, 'logs', 'api-out.log')
  const t0 = performance.now()
  const lines = writeLog(file)
  const bytes = statSync(file).size
  console.error(
    `wrote ${lines} lines, ${(bytes / 1024 / 1024).toFixed(0)} MiB in ${fmt(performance.now() - t0)} ms`,
  )
  daemon = await startDaemon(home)
  const env = childEnv({ OD_HOME: home, NO_COLOR: '1' })

  // Correctness: the same 100 lines as tail (od strips the timestamp prefix and adds [api]).
  const expected = time('tail', ['-n', '100', file], env)
    .stdout.trimEnd()
    .split('\n')
    .map((l) => `[api] ${l.slice(26)}`)
  const got = time(process.execPath, [CLI, 'logs', 'api', '--lines', '100'], env).stdout.trimEnd().split('\n')
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error('od logs and tail disagree')

  const { OpenDaemon } = await import(pathToFileURL(SDK).href)
  const od = new OpenDaemon({ home, autoStart: false })
  await od.connect()
  const samples = { tail: [], od: [], rpc: [], node: [] }
  for (let round = 0; round < RUNS + WARMUP; round++) {
    const tail = time('tail', ['-n', '100', file], env).ms
    const cli = time(process.execPath, [CLI, 'logs', 'api', '--lines', '100'], env).ms
    const node = time(process.execPath, ['-e', '0'], env).ms
    const r0 = performance.now()
    const { entries } = await od.call('log.tail', { selector: { target: 'api' }, lines: 100 })
    const rpc = performance.now() - r0
    if (entries.length !== 100) throw new Error(`log.tail returned ${entries.length} entries`)
    if (round < WARMUP) continue
    samples.tail.push(tail)
    samples.od.push(cli)
    samples.node.push(node)
    samples.rpc.push(rpc)
  }
  await od.disconnect()
  const rows = [
    ['tail -n 100 (coreutils)', samples.tail],
    ['od logs api --lines 100 (whole CLI: node start, connect, read, print)', samples.od],
    ['log.tail lines=100 (SDK round trip; the daemon reads from the end)', samples.rpc],
    ['node -e 0 (start-up floor)', samples.node],
  ].map(([label, xs]) => [label, fmt(median(xs), 1), fmt(Math.min(...xs), 1)])
  const verdict = median(samples.od) < 100 ? 'met' : 'missed'
  console.log(
    `## od logs --lines 100 on a ${(bytes / 1024 / 1024 / 1024).toFixed(2)} GiB log (${RUNS} runs, interleaved; wall ms)\n`,
  )
  console.log(table(['command', 'median', 'min'], rows))
  console.log(
    `\nGoal: od logs < 100 ms → ${verdict} (${(median(samples.od) / median(samples.tail)).toFixed(1)}× tail, ${(median(samples.od) / median(samples.node)).toFixed(2)}× node -e 0)`,
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
