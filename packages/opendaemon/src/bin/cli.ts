#!/usr/bin/env node
// The `opendaemon` bin (and what the `od` shim runs), built as CommonJS (dist/cli.cjs): Node starts a
// CommonJS entry about 13 ms faster than an ES module one. The CLI loads only the command being run.
// This is the one place that reads `process` and sets the exit code.
import { main } from '@opendaemon/cli'
import { homedir } from 'node:os'
import { fileURLToPath } from 'node:url'

function run(): Promise<number> {
  return main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    runtime: {
      execPath: process.execPath,
      cliPath: fileURLToPath(import.meta.url),
      nodeVersion: process.version,
      isRoot: process.getuid?.() === 0,
      homedir: homedir(),
    },
  })
}

// `od list | head -1` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

run().then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(err)
    process.exitCode = 1
  },
)
