// The CLI's main bundle (dist/cli-main.cjs), run only by the `opendaemon` bin (dist/cli.cjs, the code-cache
// loader of cli-loader.ts) and so by the `od` shim. CommonJS: Node starts a CommonJS entry about 13 ms faster than an
// ES module one. The CLI loads only the command being run, and
// the SDK and the daemon launcher only when that command talks to the daemon (connectLazily).
// This is the one place that reads `process` and exits.
import { connectLazily, main } from '@opendaemon/cli'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

function run(): Promise<number> {
  // __filename, not import.meta.url (whose CommonJS shim builds a URL at startup): the loader (dist/cli.cjs,
  // the bin) runs this bundle with its own path, which the shim and the daemon launcher use.
  const cliPath = __filename
  return main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    runtime: {
      execPath: process.execPath,
      cliPath,
      nodeVersion: process.version,
      isRoot: process.getuid?.() === 0,
      homedir: homedir(),
      // The daemon entry ships next to this bundle; OD_DAEMON_ENTRY points tests at another one.
      daemonEntry: process.env['OD_DAEMON_ENTRY'] || join(dirname(cliPath), 'daemon.js'),
    },
    connect: connectLazily,
    onSignal(signals, handler) {
      for (const signal of signals) process.on(signal, handler)
      return () => {
        for (const signal of signals) process.off(signal, handler)
      }
    },
  })
}

/** Exits once stdout and stderr have flushed, without waiting for sockets to finish closing. */
function exit(code: number): void {
  process.exitCode = code
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

// `od list | head -1` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

run().then(exit, (err: unknown) => {
  console.error(err)
  exit(1)
})
