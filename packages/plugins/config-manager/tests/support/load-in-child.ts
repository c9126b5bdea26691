import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const entry = pathToFileURL(join(here, '../../src/index.ts')).href

// Runs in the child: load each config the way the CLI does, in order, and print the outcomes as JSON.
const childScript = `
const [entry, jobs] = process.argv.slice(1)
const { loadConfig, nodeConfigDeps } = await import(entry)
const outcomes = []
for (const { cwd, self } of JSON.parse(jobs)) {
  try {
    const config = await loadConfig({ file: null, cwd, profile: null, only: null }, nodeConfigDeps(self))
    outcomes.push({ requests: config.apps.map((a) => a.request), errors: config.errors })
  } catch (err) {
    outcomes.push({ error: { code: err.code, message: err.message } })
  }
}
process.stdout.write(JSON.stringify(outcomes))
`

/** One config to load: its directory and the CLI entry passed to `nodeConfigDeps`, if any. */
export interface ChildJob {
  readonly cwd: string
  readonly self?: string
}

/** What {@link loadInChild} reports per job: the resolved requests and errors, or the error thrown. */
export type ChildOutcome =
  { requests: Record<string, unknown>[]; errors: unknown[] } | { error: { code: string; message: string } }

/**
 * Loads the config discovered in each job's `cwd`, one after the other, in a fresh `node` process
 * running this package's sources, so module hooks registered by the loader start from a clean process.
 * `self` is passed to `nodeConfigDeps` as the CLI passes its own `opendaemon` entry.
 */
export function loadInChild(jobs: readonly ChildJob[]): Promise<ChildOutcome[]> {
  const args = [
    '--conditions=source',
    '--import',
    pathToFileURL(join(here, 'register-ts-hooks.mjs')).href,
    '--input-type=module',
    '-e',
    childScript,
    entry,
    JSON.stringify(jobs),
  ]
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err !== null) reject(new Error(`child failed: ${err.message}\n${stderr}`))
      else resolve(JSON.parse(stdout) as ChildOutcome[])
    })
  })
}
