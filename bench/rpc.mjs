#!/usr/bin/env node
// No-op RPC round trips through the SDK (`daemon.ping` on a real daemon) next to a bare Node
// newline-JSON ping-pong over a Unix socket, sequential and with 32 calls in flight (issue #3 Figures,
// SPECIFICATION.md §29.2 #1–#2). Usage: node bench/rpc.mjs [calls=20000] [runs=5]
import { spawn } from 'node:child_process'
import { createConnection } from 'node:net'
import { join } from 'node:path'
import {
  childEnv,
  fmt,
  median,
  removeDir,
  requireBuilt,
  SDK,
  DAEMON,
  startDaemon,
  stopChild,
  table,
  tempDir,
} from './lib/common.mjs'

const CALLS = Number(process.argv[2] ?? 20_000)
const RUNS = Number(process.argv[3] ?? 5)
const WARMUP = 200
const IN_FLIGHT = 32

requireBuilt(SDK, DAEMON)
const { OpenDaemon } = await import(SDK)

/** Calls/s of `calls` round trips, one at a time. */
async function sequential(call, calls) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < calls; i++) await call()
  return calls / (Number(process.hrtime.bigint() - start) / 1e9)
}

/** Calls/s of `calls` round trips with `width` of them in flight at any time. */
async function concurrent(call, calls, width) {
  let started = 0
  const start = process.hrtime.bigint()
  const lane = async () => {
    while (started < calls) {
      started++
      await call()
    }
  }
  await Promise.all(Array.from({ length: width }, lane))
  return calls / (Number(process.hrtime.bigint() - start) / 1e9)
}

// The baseline: a separate node process answering newline-delimited JSON, like a minimal daemon.
const SERVER = `
const net = require('net')
net.createServer((s) => {
  let buf = ''
  s.setEncoding('utf8')
  s.on('data', (chunk) => {
    buf += chunk
    let i
    let out = ''
    while ((i = buf.indexOf('\\n')) !== -1) {
      const req = JSON.parse(buf.slice(0, i))
      buf = buf.slice(i + 1)
      out += JSON.stringify({ id: req.id, result: { pong: true, at: Date.now() } }) + '\\n'
    }
    if (out) s.write(out)
  })
}).listen(process.argv[1], () => process.stdout.write('ready\\n'))
`

async function bareServer(socketPath) {
  const child = spawn(process.execPath, ['-e', SERVER, socketPath], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise((resolve) => child.stdout.once('data', resolve))
  return child
}

function bareClient(socketPath) {
  const socket = createConnection(socketPath)
  socket.setEncoding('utf8')
  const pending = new Map()
  let nextId = 1
  let buf = ''
  socket.on('data', (chunk) => {
    buf += chunk
    let i
    while ((i = buf.indexOf('\n')) !== -1) {
      const res = JSON.parse(buf.slice(0, i))
      buf = buf.slice(i + 1)
      pending.get(res.id)(res.result)
      pending.delete(res.id)
    }
  })
  return {
    ready: new Promise((resolve) => socket.once('connect', resolve)),
    ping() {
      const id = nextId++
      socket.write(JSON.stringify({ id, method: 'ping' }) + '\n')
      return new Promise((resolve) => pending.set(id, resolve))
    },
    close: () => socket.destroy(),
  }
}

const dir = tempDir()
const home = join(dir, 'odhome')
const children = []
try {
  children.push(await startDaemon(home))
  const od = new OpenDaemon({ home, reconnect: false, timeoutMs: 0 })
  await od.connect()
  const odPing = () => od.ping()

  const baseSocket = join(dir, 'bare.sock')
  children.push(await bareServer(baseSocket))
  const bare = bareClient(baseSocket)
  await bare.ready
  const barePing = () => bare.ping()

  const results = { odSeq: [], odPar: [], bareSeq: [], barePar: [] }
  await sequential(odPing, WARMUP)
  await sequential(barePing, WARMUP)
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so machine noise hits both sides alike.
    results.odSeq.push(await sequential(odPing, CALLS))
    results.bareSeq.push(await sequential(barePing, CALLS))
    results.odPar.push(await concurrent(odPing, CALLS, IN_FLIGHT))
    results.barePar.push(await concurrent(barePing, CALLS, IN_FLIGHT))
  }
  await od.disconnect()
  bare.close()

  const row = (label, od, base, goal) => {
    const m = median(od)
    return [
      label,
      fmt(m),
      fmt(median(base)),
      `${(m / median(base)).toFixed(2)}×`,
      goal,
      m >= Number(goal.replace(/\D/g, '')) ? 'met' : 'missed',
    ]
  }
  console.log(`## RPC round trips (${fmt(CALLS)} calls × ${RUNS} runs, medians; calls/s)\n`)
  console.log(
    table(
      ['test', 'od SDK daemon.ping', 'bare newline-JSON socket', 'ratio', 'goal (od)', ''],
      [
        row('sequential', results.odSeq, results.bareSeq, '≥ 20000/s'),
        row(`${IN_FLIGHT} in flight`, results.odPar, results.barePar, '≥ 50000/s'),
      ],
    ),
  )
  console.log(
    `\nnode ${process.version}, ${(await import('node:os')).cpus().length} CPUs, load ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
} finally {
  for (const child of children) await stopChild(child)
  removeDir(dir)
}
