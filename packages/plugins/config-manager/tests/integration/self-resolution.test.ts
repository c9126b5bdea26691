import { IMPORT_HOOK } from '@opendaemon/core'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig, nodeConfigDeps, type LoadedAppConfig } from '../../src/index.js'
import { loadInChild } from '../support/load-in-child.js'

// A stand-in for the CLI's own `opendaemon` entry, and for a project's installed copy: each marks the
// apps it sees, so a test can tell which one a config's `import … from 'opendaemon'` reached.
const markingModule = (from: string): string =>
  `export const defineConfig = (c) => ({ ...c, apps: c.apps.map((a) => ({ ...a, env: { FROM: '${from}' } })) })\n`

const configImportingOpendaemon =
  "import { defineConfig } from 'opendaemon'\nexport default defineConfig({ apps: [{ script: 'a.js' }] })\n"

let root: string
let project: string
let selfUrl: string

beforeEach(() => {
  root = mkdtempSync('/tmp/od-')
  project = join(root, 'project')
  mkdirSync(join(root, 'cli'))
  mkdirSync(project)
  writeFileSync(join(root, 'cli/index.js'), markingModule('cli'))
  writeFileSync(join(root, 'cli/package.json'), '{ "type": "module" }')
  selfUrl = pathToFileURL(join(root, 'cli/index.js')).href
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function load(self: string | undefined): Promise<LoadedAppConfig> {
  return loadConfig({ file: null, cwd: project, profile: null, only: null }, nodeConfigDeps(self))
}

describe('the opendaemon self-resolution hook, in this process with Node’s own import()', () => {
  const globals = globalThis as Record<symbol, unknown>
  beforeAll(() => {
    globals[IMPORT_HOOK] = createRequire(import.meta.url)('../support/native-import.cjs')
  })
  afterAll(() => {
    delete globals[IMPORT_HOOK]
  })

  it('resolves `opendaemon` to the running CLI’s entry when the project does not have it', async () => {
    writeFileSync(join(project, 'opendaemon.config.mjs'), configImportingOpendaemon)
    const config = await load(selfUrl)
    expect(config.errors).toEqual([])
    expect(config.apps.map((a) => a.request['env'])).toEqual([{ FROM: 'cli' }])
  })

  it('leaves a project’s own node_modules/opendaemon in charge', async () => {
    mkdirSync(join(project, 'node_modules/opendaemon'), { recursive: true })
    writeFileSync(
      join(project, 'node_modules/opendaemon/package.json'),
      '{ "name": "opendaemon", "type": "module", "exports": "./index.js" }',
    )
    writeFileSync(join(project, 'node_modules/opendaemon/index.js'), markingModule('project'))
    writeFileSync(join(project, 'opendaemon.config.mjs'), configImportingOpendaemon)
    const config = await load(selfUrl)
    expect(config.apps.map((a) => a.request['env'])).toEqual([{ FROM: 'project' }])
  })

  it('still reports any other missing package', async () => {
    writeFileSync(
      join(project, 'opendaemon.config.mjs'),
      "import x from 'od-test-not-installed'\nexport default { apps: [{ script: x }] }\n",
    )
    await expect(load(selfUrl)).rejects.toMatchObject({
      code: 'OD_CONFIG_LOAD_FAILED',
      message: expect.stringContaining("Cannot find package 'od-test-not-installed'"),
    })
  })
})

describe('the opendaemon self-resolution hook, in a fresh node process', () => {
  it('resolves `opendaemon` only once the CLI passes its entry', async () => {
    const other = join(root, 'other')
    mkdirSync(other)
    writeFileSync(join(other, 'opendaemon.config.mjs'), configImportingOpendaemon)
    writeFileSync(join(project, 'opendaemon.config.mjs'), configImportingOpendaemon)
    // The process has no hook for the first load, and the hook the second load registers.
    const [without, withEntry] = await loadInChild([{ cwd: other }, { cwd: project, self: selfUrl }])
    expect(without).toMatchObject({
      error: {
        code: 'OD_CONFIG_LOAD_FAILED',
        message: expect.stringContaining("Cannot find package 'opendaemon'"),
      },
    })
    expect(withEntry).toEqual({
      requests: [{ name: 'a', script: 'a.js', cwd: project, env: { FROM: 'cli' } }],
      errors: [],
    })
  })
})
