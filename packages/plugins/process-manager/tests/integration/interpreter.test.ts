import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeLaunchEnv, resolveLaunch, typeStripping, type LaunchRequest } from '../../src/interpreter.js'
import { nodeSpawner, type ChildHandle } from '../../src/spawner.js'
import { killGroups } from '../helpers/cleanup.js'
import { collect, exitOf } from '../helpers/streams.js'

const PATH = process.env['PATH'] ?? '/usr/bin:/bin'
const env = nodeLaunchEnv(PATH)

describe('resolveLaunch on a real filesystem, run by the real spawner', () => {
  let dir: string
  const started: ChildHandle[] = []
  const req = (script: string, extra: Partial<LaunchRequest> = {}): LaunchRequest => ({
    script,
    args: ['arg 1'],
    interpreter: null,
    interpreterArgs: [],
    shell: false,
    cwd: dir,
    ...extra,
  })
  const runOutput = async (r: LaunchRequest): Promise<string> => {
    const launch = resolveLaunch(r, env)
    const child = await nodeSpawner.spawn({
      command: launch.command,
      args: launch.args,
      cwd: dir,
      env: { PATH },
    })
    started.push(child)
    const out = collect(child.stdout)
    expect(await exitOf(child)).toEqual({ code: 0, signal: null })
    return out.waitFor(/^OUT/)
  }
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
    writeFileSync(join(dir, 'app.js'), 'console.log("OUT js", process.argv[2])\n')
    writeFileSync(join(dir, 'run.sh'), 'echo "OUT sh $1"\n')
    writeFileSync(join(dir, 'job.py'), 'import sys\nprint("OUT py", sys.argv[1])\n')
    writeFileSync(join(dir, 'app.ts'), 'const n: number = 1\nconsole.log("OUT ts", n)\n')
    writeFileSync(join(dir, 'bin'), '#!/bin/sh\necho "OUT bin $1"\n')
    chmodSync(join(dir, 'bin'), 0o755)
    writeFileSync(join(dir, 'data.txt'), 'x')
    mkdirSync(join(dir, 'lib'))
  })
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true })
    expect(await killGroups(started.splice(0).map((c) => c.pgid))).toEqual([])
  })

  it('runs .js with this node', async () => {
    expect(resolveLaunch(req('app.js'), env).command).toBe(process.execPath)
    expect(await runOutput(req('app.js'))).toBe('OUT js arg 1')
  })

  it('runs .sh with bash from PATH', async () => {
    expect(await runOutput(req('run.sh'))).toBe('OUT sh arg 1')
  })

  it.runIf(env.which('python3') !== null)('runs .py with python3 from PATH', async () => {
    expect(await runOutput(req('job.py'))).toBe('OUT py arg 1')
  })

  it('runs an executable directly', async () => {
    expect(await runOutput(req('./bin'))).toBe('OUT bin arg 1')
  })

  it('runs a command line through the shell', async () => {
    expect(await runOutput(req('echo OUT shell'))).toBe('OUT shell arg 1')
  })

  it('handles .ts as this Node version allows', async () => {
    if (typeStripping(process.versions.node) === 'none') {
      expect(() => resolveLaunch(req('app.ts'), env)).toThrow(
        /Install tsx and use --interpreter tsx, or use Node ≥ 22\.6/,
      )
    } else {
      expect(await runOutput(req('app.ts'))).toBe('OUT ts 1')
    }
  })

  it('rejects a missing script, a directory, a data file and an unknown interpreter', () => {
    const code = (r: LaunchRequest): string | undefined => {
      try {
        resolveLaunch(r, env)
      } catch (err) {
        return (err as { code?: string }).code
      }
      return undefined
    }
    expect(code(req('missing.js'))).toBe('OD_SCRIPT_NOT_FOUND')
    expect(code(req('lib'))).toBe('OD_SCRIPT_IS_DIRECTORY')
    expect(code(req('data.txt'))).toBe('OD_SCRIPT_NOT_EXECUTABLE')
    expect(code(req('app.js', { interpreter: 'no-such-interpreter-od' }))).toBe('OD_INTERPRETER_NOT_FOUND')
  })
})
