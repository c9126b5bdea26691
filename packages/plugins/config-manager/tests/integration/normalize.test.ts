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

const issues = (list: readonly { path: string; message: string }[]): string[] =>
  list.map((i) => `${i.path}: ${i.message}`)

describe('app fields', () => {
  it('names the kind of each entry of apps that is not an app object', async () => {
    p.write('opendaemon.config.json', '{"apps": [["a.js"], null, {"script": "b.js"}]}')
    const config = await p.load()
    expect(issues(config.errors)).toEqual([
      'apps[0]: expected an app object ({ script, ... }), got an array',
      'apps[1]: expected an app object ({ script, ... }), got null',
    ])
    expect(config.apps.map((a) => a.name)).toEqual(['b'])
  })

  it('suggests a field one edit away for an unknown key of up to four letters', async () => {
    p.write('opendaemon.config.json', '{"apps": [{"script": "a.js", "nme": "x", "cdw": "."}]}')
    expect(issues((await p.load()).errors)).toEqual([
      'apps[0].nme: unknown field; did you mean "name"?',
      'apps[0].cdw: unknown field',
    ])
  })

  it('skips fields a JavaScript config leaves undefined', async () => {
    p.write(
      'opendaemon.config.cjs',
      "module.exports = { apps: [{ script: 'a.js', name: undefined, instances: process.env.OD_TEST_NEVER_SET }] }",
    )
    const config = await p.load()
    expect(config.errors).toEqual([])
    expect(config.apps[0]?.request).toEqual({ name: 'a', script: 'a.js', cwd: p.dir })
  })

  it('keeps an absolute cwd as written', async () => {
    mkdirSync(join(p.dir, 'elsewhere'))
    p.write(
      'sub/opendaemon.config.json',
      JSON.stringify({ apps: [{ script: 'a.js', cwd: join(p.dir, 'elsewhere') }] }),
    )
    const config = await p.load({ file: 'sub/opendaemon.config.json' })
    expect(config.apps[0]?.request['cwd']).toBe(join(p.dir, 'elsewhere'))
  })

  it('reports a cwd that exists but is not a directory', async () => {
    p.write('opendaemon.config.json', '{"apps": [{"script": "a.js", "cwd": "/dev/null"}]}')
    expect(issues((await p.load()).errors)).toEqual([
      'apps[0].cwd: /dev/null is not a directory. Pass an existing directory with --cwd.',
    ])
  })

  it('lets a failure that is not about the config propagate instead of reporting it as an issue', async () => {
    p.write('opendaemon.config.json', '{"apps": [{"script": "a.js"}]}')
    const failure = Object.assign(new Error('EIO: i/o error, stat'), { code: 'EIO' })
    const deps = {
      ...nodeConfigDeps(),
      statKind: (): never => {
        throw failure
      },
    }
    await expect(loadConfig({ file: null, cwd: p.dir, profile: null, only: null }, deps)).rejects.toBe(
      failure,
    )
  })
})

describe('env and profiles', () => {
  it('reports an app env that is not an object, even over an object from defaults', async () => {
    p.write(
      'opendaemon.config.json',
      '{"defaults": {"env": {"A": "1"}}, "apps": [{"script": "a.js", "env": "A=2"}]}',
    )
    expect(issues((await p.load()).errors)).toEqual([
      'apps[0].env: expected an object of variables, got "A=2". Pass { "NAME": "value" }.',
    ])
  })

  it('layers defaults env < app env < defaults env_<profile> < app env_<profile>', async () => {
    p.write(
      'opendaemon.config.yaml',
      [
        'defaults:',
        '  env: { A: d, B: d, C: d }',
        '  env_prod: { A: dp, B: dp }',
        'apps:',
        '  - script: a.js',
        '    env: { C: a, D: a }',
        '    env_prod: { B: ap }',
        '',
      ].join('\n'),
    )
    const config = await p.load({ profile: 'prod' })
    expect(config.warnings).toEqual([])
    expect(config.apps[0]?.request['env']).toEqual({ A: 'dp', B: 'ap', C: 'a', D: 'a' })
  })
})

describe('GoPM files', () => {
  it('warns about unknown keys of a defaults block the GoPM way', async () => {
    p.write(
      'ecosystem.json',
      '{"apps": [{"name": "web", "command": "/bin/true"}], "defaults": {"frobnicate": 1}}',
    )
    const config = await p.load()
    expect(config.flavour).toBe('gopm')
    expect(issues(config.warnings)).toEqual(['defaults.frobnicate: unknown GoPM option, ignored'])
  })
})
