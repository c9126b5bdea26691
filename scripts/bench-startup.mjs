#!/usr/bin/env node
// Startup time of the CLI bin against a bare `node -e 0`, interleaved so machine noise hits both alike.
// Usage: node scripts/bench-startup.mjs [runs] [-- 'label=command args…' …]   (e.g. 'shim=/usr/local/bin/od --version')
// NODE_EXTRA_CA_CERTS is removed from the environment: loading extra CA certificates costs every run.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'packages/opendaemon/dist/cli.cjs')
const runs = Number(process.argv[2] ?? 30)
const extra = process.argv.slice(process.argv.indexOf('--') + 1).filter(() => process.argv.includes('--'))

if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`npx -y pnpm@9 build\` first.`)
  process.exit(1)
}

const env = { ...process.env }
delete env.NODE_EXTRA_CA_CERTS
const node = (...args) => ({ command: process.execPath, args })
const cases = [
  { label: 'node -e 0', ...node('-e', '0') },
  { label: 'opendaemon --version', ...node(cli, '--version') },
  { label: 'opendaemon --help', ...node(cli, '--help') },
  ...extra.map((spec) => {
    const [label, line] = [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)]
    const [command, ...args] = line.split(' ')
    return { label, command: command === 'node' ? process.execPath : command, args }
  }),
]

const samples = new Map(cases.map((c) => [c.label, []]))
for (let i = 0; i < runs + 3; i++) {
  for (const c of cases) {
    const start = process.hrtime.bigint()
    const result = spawnSync(c.command, c.args, { env, stdio: 'ignore' })
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    if (result.status !== 0) throw new Error(`${c.label} exited with ${result.status}`)
    if (i >= 3) samples.get(c.label).push(ms) // the first runs warm the file cache
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const base = median(samples.get('node -e 0'))
for (const [label, xs] of samples) {
  const m = median(xs)
  console.log(
    `${label.padEnd(28)} median ${m.toFixed(1).padStart(6)} ms  min ${Math.min(...xs)
      .toFixed(1)
      .padStart(6)} ms  ${(m / base).toFixed(2)}× node -e 0`,
  )
}
