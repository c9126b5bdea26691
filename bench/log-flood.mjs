#!/usr/bin/env node
// Issue #5 figures (SPECIFICATION.md §9.13): an app writing 1 000 000 numbered ~100-byte lines as
// fast as it can, (1) redirected to a file by the shell (`> file`, the baseline) and (2) under the
// OpenDaemon daemon, in the same run; then (3) the same flood with a size rotation every 10 MB
// (gzip on). Reports the time until every line is on disk, the ratio to the baseline, lines lost or
// duplicated (every line number checked in order) and the daemon's peak RSS during the flood.
// NODE_EXTRA_CA_CERTS is unset for every child. Usage: node bench/log-flood.mjs [lines]
// (OD_BENCH_DIST=<dir> runs another build of packages/opendaemon/dist).
import { spawn } from 'node:child_process'
import { closeSync, createWriteStream, openSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { gunzipSync } from 'node:zlib'
import { childEnv, fmt, median, removeDir, ROOT, stopChild, table, tempDir } from './lib/common.mjs'

const LINES = Number(process.argv[2] ?? 1_000_000)
const LINE_BYTES = 96
const FLOOD = join(ROOT, 'packages/plugins/log-manager/tests/fixtures/flood.cjs')
const DIST = process.env.OD_BENCH_DIST ?? join(ROOT, 'packages/opendaemon/dist')

function checkLines(text) {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  let lost = 0
  let dup = 0
  let expect = 0
  for (const line of lines) {
    const n = Number(line.slice(5, 14))
    if (n === expect) expect++
    else if (n < expect) dup++
    else {
      lost += n - expect
      expect = n + 1
    }
  }
  return { lost: lost + (LINES - expect), dup }
}

async function rawRedirect(dir) {
  const file = join(dir, 'raw.log')
  const fd = openSync(file, 'w')
  const t0 = performance.now()
  const child = spawn(process.execPath, [FLOOD], { env: childEnv({ LINES: String(LINES) }), stdio: ['ignore', fd, 'inherit'] })
  await new Promise((resolve) => child.once('exit', resolve))
  const ms = performance.now() - t0
  closeSync(fd)
  return { ms, ...checkLines(readFileSync(file, 'utf8')) }
}

// What any pipe-based capture costs here: this script reading the app's stdout pipe into a file.
async function pipeFloor(dir) {
  const file = join(dir, 'pipe.log')
  const t0 = performance.now()
  const child = spawn(process.execPath, [FLOOD], { env: childEnv({ LINES: String(LINES) }), stdio: ['ignore', 'pipe', 'inherit'] })
  const out = createWriteStream(file)
  child.stdout.pipe(out)
  await new Promise((resolve) => out.once('finish', resolve))
  return { ms: performance.now() - t0, ...checkLines(readFileSync(file, 'utf8')) }
}

function startDaemon(home) {
  const child = spawn(process.execPath, [join(DIST, 'daemon.js')], {
    env: childEnv({ OD_HOME: home }),
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    child.stdio[3].once('data', (line) => (String(line).startsWith('ready ') ? resolve(child) : reject(new Error(String(line)))))
    child.once('exit', (code) => reject(new Error(`daemon exited with ${code}`)))
  })
}

const rssMb = (pid) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024

function rotatedText(logDir, base) {
  const stem = base.replace(/\.log$/, '')
  const key = (f) => f.replace(/(\d\d)(\.log)/, '$1-0$2').replace(/-(\d+)(\.log)/, (_m, n, ext) => `-${n.padStart(6, '0')}${ext}`)
  const files = readdirSync(logDir).filter((f) => f.startsWith(`${stem}__`) && !f.endsWith('.tmp')).sort((a, b) => (key(a) < key(b) ? -1 : 1))
  const parts = [...files, base].map((f) => {
    const data = readFileSync(join(logDir, f))
    return f.endsWith('.gz') ? gunzipSync(data) : data
  })
  return { files: files.length, text: Buffer.concat(parts).toString() }
}

async function underDaemon(dir, name, logs) {
  const home = join(dir, name)
  const daemon = await startDaemon(home)
  const { OpenDaemon } = await import(join(DIST, 'index.js'))
  const od = new OpenDaemon({ home })
  await od.connect()
  let peak = rssMb(daemon.pid)
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(daemon.pid))), 20)
  const logDir = join(home, 'logs')
  const expected = LINES * LINE_BYTES
  const t0 = performance.now()
  await od.call('process.start', { script: FLOOD, name: 'flood', autorestart: 'never', env: { LINES: String(LINES) }, ...logs })
  let ms = 0
  for (let polls = 0; ; polls++) {
    if (logs.maxLogSize === 0) {
      let size = 0
      try {
        size = statSync(join(logDir, 'flood-out.log')).size
      } catch {
        // Not created yet.
      }
      if (size >= expected) {
        ms = performance.now() - t0
        break
      }
    } else if (polls % 10 === 9) {
      // Rotated files are gzipped, so sizes do not add up: wait for the app's exit (checked every 50 ms).
      const [proc] = await od.call('process.list', {})
      if (proc.status !== 'online' && proc.status !== 'starting') {
        ms = performance.now() - t0
        break
      }
    }
    await delay(5)
  }
  clearInterval(sampler)
  await od.call('process.stop', { target: 'flood' }) // flushes and closes the files
  // Let the background gzip finish (the daemon's shutdown would leave queued files plain).
  const pending = () => readdirSync(logDir).some((f) => f.includes('__') && !f.endsWith('.gz'))
  for (let i = 0; i < 3000 && pending(); i++) await delay(10)
  await od.disconnect()
  await stopChild(daemon)
  const { files, text } = rotatedText(logDir, 'flood-out.log')
  return { ms, peak, files, ...checkLines(text) }
}

// Medians of RUNS interleaved runs (this machine is shared: single runs are noisy); the sums of
// lost/duplicated lines and the highest peak RSS over all runs.
const RUNS = Number(process.env.RUNS ?? 3)
function summary(results) {
  return {
    ms: median(results.map((r) => r.ms)),
    lost: results.reduce((n, r) => n + r.lost, 0),
    dup: results.reduce((n, r) => n + r.dup, 0),
    peak: Math.max(...results.map((r) => r.peak ?? 0)),
    files: Math.max(...results.map((r) => r.files ?? 0)),
  }
}

const dir = tempDir()
try {
  const runs = { raw: [], pipe: [], od: [], rot: [] }
  for (let i = 0; i < RUNS; i++) {
    runs.raw.push(await rawRedirect(dir))
    runs.pipe.push(await pipeFloor(dir))
    runs.od.push(await underDaemon(dir, `od${i}`, { maxLogSize: 0 }))
    runs.rot.push(await underDaemon(dir, `rot${i}`, { maxLogSize: '10M', maxLogFiles: 0 }))
  }
  const raw = summary(runs.raw)
  const pipe = summary(runs.pipe)
  const od = summary(runs.od)
  const rotating = summary(runs.rot)
  console.log(`## Log flood: ${fmt(LINES)} lines of ${LINE_BYTES} bytes, median of ${RUNS} runs (issue #5, §9.13)\n`)
  console.log(
    table(
      ['run', 'time to disk (ms)', 'ratio to `> file`', 'lost', 'duplicated', 'daemon peak RSS (MB)', 'rotated files'],
      [
        ['`node flood.cjs > file`', fmt(raw.ms), '1.00', fmt(raw.lost), fmt(raw.dup), '-', '-'],
        ['pipe floor: `child.stdout.pipe(file)`, no daemon', fmt(pipe.ms), fmt(pipe.ms / raw.ms, 2), fmt(pipe.lost), fmt(pipe.dup), '-', '-'],
        ['od (raw mode, no rotation)', fmt(od.ms), fmt(od.ms / raw.ms, 2), fmt(od.lost), fmt(od.dup), fmt(od.peak, 1), '0'],
        ['od, rotation every 10 MB + gzip', fmt(rotating.ms), fmt(rotating.ms / raw.ms, 2), fmt(rotating.lost), fmt(rotating.dup), fmt(rotating.peak, 1), fmt(rotating.files)],
      ],
    ),
  )
  console.log('\nGoals: ratio ≤ 1.25, zero lost or duplicated, daemon RSS < 100 MB.')
} finally {
  removeDir(dir)
}
