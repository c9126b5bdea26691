#!/usr/bin/env node
// The harness's `rpc` test for OpenDaemon: the SDK's `process.list` (the peer of `pm2.list()`), 20
// warm-up calls, then N sequential calls. Usage: rpc-od.mjs <N> [payloadOut]
// Prints JSON {calls, ms, calls_per_s, payload_bytes, apps} like lib/rpc-pm2.js.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { OpenDaemon } = await import(join(repo, 'packages', 'sdk', 'dist', 'index.js'))
const calls = Number(process.argv[2] ?? 2000)
const od = new OpenDaemon({ home: process.env.OD_HOME, autoStart: false })
await od.connect()
let list
for (let i = 0; i < 20; i++) list = await od.call('process.list', {})
const json = JSON.stringify(list)
if (process.argv[3]) writeFileSync(process.argv[3], json)
const t0 = process.hrtime.bigint()
for (let i = 0; i < calls; i++) await od.call('process.list', {})
const ms = Number(process.hrtime.bigint() - t0) / 1e6
console.log(JSON.stringify({ calls, ms, calls_per_s: calls / (ms / 1000), payload_bytes: Buffer.byteLength(json), apps: list.length }))
await od.disconnect()
