#!/usr/bin/env node
// TODO(daemon): the daemon entry the CLI spawns (`node dist/daemon.js`). The daemon engineer replaces this
// placeholder with the real entry from @opendaemon/daemon (lock/pid, signals, plugins, socket).
console.error('opendaemon: daemon not implemented yet')
process.exitCode = 1
