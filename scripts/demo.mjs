#!/usr/bin/env node
// README command 1 runs this after `npx -y pnpm@9 install --frozen-lockfile`:
//   npx -y pnpm@9 install --frozen-lockfile && npx -y pnpm@9 demo
// It builds every package, then shows OpenDaemon at work: starts the daemon with its own OD_HOME, starts
// examples/hello/app.js under it, and lists it. The daemon and the app keep running afterwards; the last
// line says how to stop them.
//
// Environment:
//   OD_DEMO_SKIP_BUILD=1   skip the build (tests set it: turbo has built everything before tests run)
//   OD_DEMO_HOME=<dir>     OD_HOME of the demo daemon (default: .od-demo/ in the repository, gitignored)
import { spawnSync } from 'node:child_process'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'packages', 'opendaemon', 'dist', 'cli.cjs')
const home = process.env.OD_DEMO_HOME ?? join(root, '.od-demo')
const env = { ...process.env, OD_HOME: home }

/** Runs one step, echoing it; stops the demo with the step's exit code if it fails. */
function step(title, command, args) {
  console.log(`\n▶ ${title}\n$ ${[command === process.execPath ? 'node' : command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (${result.error?.message ?? `exit code ${result.status}`}).`)
    process.exit(result.status ?? 1)
  }
}

const od = (...args) => [cli, ...args]
const shown = relative(root, cli)

if (process.env.OD_DEMO_SKIP_BUILD !== '1') step('Build all packages', 'npx', ['-y', 'pnpm@9', 'build'])
step(`OpenDaemon version (${shown})`, process.execPath, od('--version'))
step(`Start the daemon (OD_HOME=${home})`, process.execPath, od('daemon', 'start'))
step(
  'Start examples/hello/app.js',
  process.execPath,
  od('start', join(root, 'examples', 'hello', 'app.js'), '--name', 'hello'),
)
step('List processes', process.execPath, od('list'))
console.log(`\n✔ Demo finished. The daemon and hello keep running; look around with:
  OD_HOME=${home} node ${shown} info hello
  OD_HOME=${home} node ${shown} daemon status
and stop everything with:
  OD_HOME=${home} node ${shown} kill`)
