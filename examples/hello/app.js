// A tiny long-running app for trying OpenDaemon: it logs a heartbeat every 2 seconds and shuts down
// cleanly on SIGTERM or SIGINT (the signals a process manager sends to stop it). No dependencies.
const intervalMs = Number(process.env.HEARTBEAT_MS ?? 2000)
const name = process.env.APP_NAME ?? 'hello'
let beats = 0

console.log(`${name}: started (pid ${process.pid}), heartbeat every ${intervalMs} ms`)

const timer = setInterval(() => {
  beats += 1
  console.log(`${name}: heartbeat ${beats} at ${new Date().toISOString()}`)
}, intervalMs)

function shutdown(signal) {
  clearInterval(timer)
  console.log(`${name}: received ${signal} after ${beats} heartbeats, exiting`)
  process.exitCode = 0
}

process.once('SIGTERM', () => shutdown('SIGTERM'))
process.once('SIGINT', () => shutdown('SIGINT'))
