import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig, nodeConfigDeps } from '../../src/index.js'
import { tempProject, type TempProject } from '../support/temp-project.js'

let p: TempProject
beforeEach(() => {
  p = tempProject()
})
afterEach(() => p.cleanup())

describe('reading data files', () => {
  it('reports a config path that is a directory as a load failure, not a missing file', async () => {
    mkdirSync(join(p.dir, 'conf.json'))
    await expect(p.load({ file: 'conf.json' })).rejects.toMatchObject({
      code: 'OD_CONFIG_LOAD_FAILED',
      message: expect.stringContaining('EISDIR'),
    })
  })

  it('warns about a JSON key written twice, at the second one, and keeps the last value', async () => {
    p.write('opendaemon.config.json', '{"apps": [{"script": "a.js",\n "script": "b.js"}]}')
    const config = await p.load()
    expect(config.apps[0]?.request['script']).toBe('b.js')
    expect(config.warnings).toEqual([
      {
        code: 'OD_JSON_SYNTAX',
        path: 'apps[0].script',
        message: 'this key is written twice; the last value wins',
        file: join(p.dir, 'opendaemon.config.json'),
        line: 2,
        column: 12,
      },
    ])
  })

  it('treats a package.json whose top level is not an object as having no "opendaemon" field', async () => {
    p.write('package.json', '["opendaemon"]')
    await expect(p.load({ file: 'package.json' })).rejects.toMatchObject({
      code: 'OD_CONFIG_NOT_FOUND',
      message: expect.stringContaining('has no "opendaemon" field'),
    })
  })

  it('reads a file named on the command line with an unknown extension as JSON5', async () => {
    p.write('apps.conf', "{ apps: [{ script: 'a.js' }] } // not .json")
    const config = await p.load({ file: 'apps.conf' })
    expect(config).toMatchObject({ format: 'json', errors: [] })
    expect(config.apps.map((a) => a.name)).toEqual(['a'])
  })
})

describe('loading TypeScript', () => {
  it('reports a project typescript package without a working compiler as a load failure', async () => {
    p.write('node_modules/typescript/package.json', '{ "name": "typescript", "main": "index.js" }')
    p.write('node_modules/typescript/index.js', 'module.exports = {}\n')
    p.write('opendaemon.config.ts', "export default { apps: [{ script: 'a.js' }] }\n")
    await expect(p.load()).rejects.toMatchObject({
      code: 'OD_CONFIG_LOAD_FAILED',
      message: expect.stringMatching(/opendaemon\.config\.ts: Cannot read properties of undefined/),
    })
  })

  it('imports a .ts config as it is where Node strips types and the project has no typescript', async () => {
    // Vitest's module runner strips the types here, as Node >= 22.18 does for a real import().
    p.write('opendaemon.config.ts', "const script: string = 'a.js'\nexport default { apps: [{ script }] }\n")
    const deps = { ...nodeConfigDeps(), typeStripping: true }
    const config = await loadConfig({ file: null, cwd: p.dir, profile: null, only: null }, deps)
    expect(config).toMatchObject({ format: 'ts', errors: [] })
    expect(config.apps.map((a) => a.request['script'])).toEqual(['a.js'])
  })
})
