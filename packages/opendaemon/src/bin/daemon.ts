#!/usr/bin/env node
// The daemon entry the CLI spawns (`node dist/daemon.js`): lock, plugins, socket, signals. The
// readiness contract with the launcher is documented in @opendaemon/daemon (readiness.ts).
import { runDaemonMain } from '@opendaemon/daemon'

runDaemonMain(process.argv, process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
