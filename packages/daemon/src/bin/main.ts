#!/usr/bin/env node
// The daemon entry of this package (dist/main.js): used by the daemon's own integration tests. The
// published entry is packages/opendaemon's dist/daemon.js, built from the same function.
import { runDaemonMain } from '../daemon-main.js'

runDaemonMain(process.argv, process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
