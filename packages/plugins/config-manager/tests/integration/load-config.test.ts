import { DaemonError } from '@opendaemon/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { configInvalidError, formatIssue } from '../../src/index.js'
import { tempProject, type TempProject } from '../support/temp-project.js'

let p: TempProject
beforeEach(() => {
  p = tempProject()
})
afterEach(() => p.cleanup())

async function loadError(promise: Promise<unknown>): Promise<DaemonError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof DaemonError) return err
    throw err
  }
  throw new Error('expected an error')
}

describe('formats', () => {
  it('reads an OD YAML config with defaults merged into every app', async () => {
    p.write(
      'opendaemon.config.yaml',
      'defaults:\n  max_restarts: 3\n  env: { A: "1", B: "1" }\napps:\n  - name: api\n    script: api.js\n    env: { B: "2" }\n    maxRestarts: 5\n  - script: worker.js\n',
    )
    const config = await p.load()
    expect(config).toMatchObject({ format: 'yaml', flavour: 'od', errors: [], warnings: [] })
    expect(config.apps.map((a) => a.request)).toEqual([
      { name: 'api', script: 'api.js', cwd: p.dir, maxRestarts: 5, env: { A: '1', B: '2' } },
      { name: 'worker', script: 'worker.js', cwd: p.dir, maxRestarts: 3, env: { A: '1', B: '1' } },
    ])
  })

  it('passes dependencies and dependencyTimeout through to the start request (§11)', async () => {
    p.write(
      'opendaemon.config.yaml',
      'apps:\n  - name: api\n    script: api.js\n    depends_on: [db, { name: migrate, condition: completed }]\n    dependency_timeout: 5s\n  - name: db\n    script: db.js\n    dependencies: [nope, { name: "" }]\n',
    )
    const config = await p.load()
    expect(config.warnings).toEqual([])
    expect(config.apps[0]?.request).toMatchObject({
      dependencies: ['db', { name: 'migrate', condition: 'completed' }],
      dependencyTimeout: '5s',
    })
    expect(config.errors.map((e) => e.path)).toEqual(['apps[1].dependencies[1]'])
  })

  it('reads JSON with comments and trailing commas, and apps as a single object (PM2 quirks)', async () => {
    p.write('ecosystem.json', '// PM2\n{ "apps": { "name": "one", "script": "a.js", }, }\n')
    const config = await p.load()
    expect(config).toMatchObject({ format: 'json', flavour: 'pm2', errors: [] })
    expect(config.apps[0]?.request).toMatchObject({ name: 'one', killSignal: 'SIGINT', killTimeout: 1600 })
  })

  it('reads .opendaemonrc and the "opendaemon" field of package.json', async () => {
    p.write(
      'package.json',
      JSON.stringify({ name: 'x', opendaemon: { apps: [{ script: 'pkg.js', instances: 'x' }] } }),
    )
    const fromPkg = await p.load()
    expect(fromPkg.errors[0]).toMatchObject({ path: 'apps[0].instances', line: 1, column: 66 })
    p.write('.opendaemonrc', "{ apps: [{ script: 'rc.js' }] }")
    expect((await p.load()).apps[0]?.name).toBe('rc')
  })

  it('treats a package.json without the field as no config', async () => {
    p.write('package.json', '{"name":"x"}')
    await expect(p.load()).rejects.toMatchObject({ code: 'OD_CONFIG_NOT_FOUND' })
    await expect(p.load({ file: 'package.json' })).rejects.toMatchObject({ code: 'OD_CONFIG_NOT_FOUND' })
    p.write('package.json', '{')
    await expect(p.load()).rejects.toMatchObject({ code: 'OD_CONFIG_NOT_FOUND' })
  })

  it('loads CommonJS module.exports, ESM export default and ESM export const apps', async () => {
    p.write('a.config.cjs', "module.exports = { apps: [{ script: 'cjs.js' }] }")
    p.write('b.config.mjs', "export default { apps: [{ script: 'esm.js' }] }")
    p.write('c.config.mjs', "export const apps = [{ script: 'named.js' }]\nexport const deploy = {}")
    p.write('d.config.mjs', "export const apps = [{ script: 'plain.js' }]")
    const names = []
    for (const file of ['a.config.cjs', 'b.config.mjs', 'c.config.mjs', 'd.config.mjs']) {
      names.push((await p.load({ file })).apps.map((a) => a.name))
    }
    expect(names).toEqual([['cjs'], ['esm'], ['named'], ['plain']])
  })

  it('calls a default-exported function with the profile and the config directory', async () => {
    p.write(
      'opendaemon.config.mjs',
      "export default async ({ profile, cwd }) => ({ apps: [{ name: `app-${profile}`, script: 'a.js', env: { DIR: cwd } }] })",
    )
    const config = await p.load({ profile: 'prod' })
    expect(config.apps[0]?.request).toMatchObject({ name: 'app-prod', env: { DIR: p.dir } })
  })

  it('reports a config module that throws, has a syntax error or exports nothing', async () => {
    p.write('throws.config.mjs', "throw new Error('boom')")
    p.write('syntax.config.mjs', 'export default {')
    p.write('empty.config.mjs', 'export const x = 1')
    p.write('fn.config.mjs', "export default () => { throw new Error('in fn') }")
    const errors = await Promise.all(
      ['throws', 'syntax', 'empty', 'fn'].map((n) => loadError(p.load({ file: `${n}.config.mjs` }))),
    )
    expect(errors.map((e) => e.code)).toEqual(Array(4).fill('OD_CONFIG_LOAD_FAILED'))
    expect(errors[0]?.message).toMatch(/throws\.config\.mjs: boom \(at .*throws\.config\.mjs:1/)
    expect(errors[2]?.message).toContain('exports nothing usable')
    expect(errors[3]?.message).toContain('in fn')
  })

  it('loads TypeScript with the project typescript, including enums', async () => {
    p.linkTypeScript()
    p.write(
      'opendaemon.config.ts',
      "enum Mode { A = 'a' }\nconst n: number = 2\nexport default { apps: [{ name: `ts-${Mode.A}`, script: 'a.js', instances: n }] }\n",
    )
    const config = await p.load()
    expect(config).toMatchObject({ format: 'ts', errors: [] })
    expect(config.apps[0]?.request).toMatchObject({ name: 'ts-a', instances: 2 })
    p.write('x.config.cts', "const apps: object[] = [{ script: 'cts.js' }]\nmodule.exports = { apps }\n")
    expect((await p.load({ file: 'x.config.cts' })).apps[0]?.name).toBe('cts')
  })

  it('names both fixes when TypeScript cannot be loaded', async () => {
    p.write('opendaemon.config.ts', "export default { apps: [{ script: 'a.js' }] }\n")
    const err = await loadError(p.load())
    expect(err.code).toBe('OD_CONFIG_TS_UNSUPPORTED')
    expect(err.message).toContain(`no "typescript" package was found from ${p.dir}`)
    expect(err.message).toContain('`npm i -D typescript`')
    expect(err.message).toContain('rename the file to opendaemon.config.mjs')
  })

  it('turns YAML and JSON syntax errors into coded errors with line and column', async () => {
    p.write('a.yaml', 'apps:\n  - a: [1\n')
    p.write('b.json', '{ "apps": [ }')
    const yaml = await loadError(p.load({ file: 'a.yaml' }))
    expect(yaml).toMatchObject({ code: 'OD_YAML_SYNTAX', exitCode: 2, data: { line: 2, column: 8 } })
    const json = await loadError(p.load({ file: 'b.json' }))
    expect(json).toMatchObject({ code: 'OD_JSON_SYNTAX', data: { line: 1, column: 13 } })
  })

  it('reports a missing file', async () => {
    await expect(p.load({ file: 'nope.yaml' })).rejects.toMatchObject({ code: 'OD_CONFIG_NOT_FOUND' })
  })
})

describe('discovery', () => {
  it('takes the first candidate and names the others', async () => {
    p.write('ecosystem.config.js', "module.exports = { apps: [{ script: 'pm2.js' }] }")
    p.write('opendaemon.config.json', '{ "apps": [{ "script": "od.js" }] }')
    const config = await p.load()
    expect(config.file).toBe(`${p.dir}/opendaemon.config.json`)
    expect(config.ignored).toEqual([`${p.dir}/ecosystem.config.js`])
  })

  it('fails with the directory and the names searched', async () => {
    const err = await loadError(p.load())
    expect(err.code).toBe('OD_CONFIG_NOT_FOUND')
    expect(err.message).toContain(`No config file in ${p.dir} (looked for opendaemon.config.ts,`)
  })
})

describe('validation', () => {
  it('reports every error at once with path and line:column', async () => {
    p.write(
      'opendaemon.config.yaml',
      'apps:\n  - name: api\n    script: a.js\n    instances: 0x\n    scirpt: b\n  - name: api\n    script: b.js\n  - name: w\n    script: w.js\n    max_restarts: -1\n    kill_timeout: abc\n    cwd: missing\n',
    )
    const config = await p.load()
    expect(config.errors.map((e) => [e.path, e.line, e.column])).toEqual([
      ['apps[0].scirpt', 5, 13],
      ['apps[0].instances', 4, 16],
      ['apps[2].cwd', 12, 10],
      ['apps[2].kill_timeout', 11, 19],
      ['apps[2].max_restarts', 10, 19],
    ])
    expect(config.errors[0]?.message).toBe('unknown field; did you mean "script"?')
    const err = configInvalidError(config.file, config.errors)
    expect(err.code).toBe('OD_CONFIG_INVALID')
    expect(err.message).toContain(
      'opendaemon.config.yaml is invalid (5 errors):\n  apps[0].scirpt: unknown field',
    )
    expect(err.data).toMatchObject({ file: config.file, errors: config.errors })
  })

  it('reports duplicate names', async () => {
    p.write('opendaemon.config.json', '{"apps": [{"script": "a.js"}, {"name": "a", "script": "b.js"}]}')
    const [error] = (await p.load()).errors
    expect(formatIssue(error!)).toBe(
      'apps[1].name: "a" is already used by apps[0] (opendaemon.config.json:1:40)',
    )
  })

  it('reports the shape of the file itself', async () => {
    p.write('a.json', '[1]')
    p.write('b.json', '"x"')
    p.write('c.json', '{"defaults": 1, "other": 2}')
    p.write('d.json', '{"apps": [], "defaults": {"max_restarts": 1, "maxRestarts": 2}}')
    const paths = []
    for (const file of ['a.json', 'b.json', 'c.json', 'd.json']) {
      paths.push((await p.load({ file })).errors.map((e) => `${e.path}: ${e.message}`))
    }
    expect(paths).toEqual([
      ['[0]: expected an app object ({ script, ... }), got number'],
      [': expected an object with "apps", got string'],
      [
        'apps: is missing. Add apps: [{ script: "app.js" }]',
        'defaults: expected an object of app fields, got number',
        'other: unknown top-level key (expected apps, defaults, daemon, plugins)',
      ],
      ['defaults.maxRestarts: means the same option as defaults.max_restarts. Keep only maxRestarts'],
    ])
  })

  it('accepts secret references and checks their shape', async () => {
    p.write(
      'opendaemon.config.json',
      '{"apps": [{"script": "a.js", "env": {"DB": {"secret": "db-url"}, "X": {"secret": "x", "version": 0}, "Y": {"secret": "y", "as": "disk"}, "Z": {"secret": "z", "other": 1}, "W": {"secret": "-"}, "J": {"a": 1}}}]}',
    )
    const config = await p.load()
    expect(config.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'apps[0].env.X: invalid secret reference: version: expected an integer of 1 or more',
      'apps[0].env.Y: invalid secret reference: as: expected "env" or "file"',
      'apps[0].env.Z: invalid secret reference: other: unknown key of a secret reference (secret, version, as)',
      'apps[0].env.W: invalid secret reference: secret: expected a secret name (letters, digits, "_", ".", "-"; up to 128)',
    ])
    p.write(
      'opendaemon.config.json',
      '{"apps": [{"script": "a.js", "env": {"DB": {"secret": "db-url", "version": 2, "as": "env"}}}]}',
    )
    expect((await p.load()).apps[0]?.secrets).toEqual([{ path: 'apps[0].env.DB', secret: 'db-url' }])
  })
})

describe('profiles and --only', () => {
  it('overlays env_<profile> and warns for apps without it', async () => {
    p.write(
      'ecosystem.config.js',
      "module.exports = { apps: [{ name: 'a', script: 'a.js', env: { X: '1', Y: '1' }, env_production: { X: '2' }, append_env_to_name: true }, { name: 'b', script: 'b.js' }, { script: 'c.js', env_staging: 5 }] }",
    )
    const config = await p.load({ profile: 'production' })
    expect(config.apps[0]).toMatchObject({ name: 'a-production', request: { env: { X: '2', Y: '1' } } })
    expect(config.warnings.map((w) => `${w.code} ${w.path}: ${w.message}`)).toEqual([
      'OD_ENV_PROFILE_NOT_FOUND apps[1]: (b) has no env_production; using env',
      'OD_ENV_PROFILE_NOT_FOUND apps[2]: has no env_production; using env',
    ])
    expect(config.errors.map((e) => e.path)).toEqual(['apps[2].env_staging'])
  })

  it('keeps only the --only apps, after validating the whole file', async () => {
    p.write('opendaemon.config.json', '{"apps": [{"script": "a.js"}, {"script": "b.js"}]}')
    expect((await p.load({ only: ['b'] })).apps.map((a) => a.name)).toEqual(['b'])
    const err = await loadError(p.load({ only: ['b', 'zz'] }))
    expect(err.code).toBe('OD_CONFIG_APP_NOT_FOUND')
    expect(err.message).toContain('--only names "zz"')
  })

  it('applies CLI flags given with the file to every app', async () => {
    p.write('opendaemon.config.json', '{"apps": [{"script": "a.js", "instances": 1}]}')
    const config = await p.load({ overlay: { instances: 3 } })
    expect(config.apps[0]?.request['instances']).toBe(3)
  })
})
