import { describe, expect, it } from 'vitest'
import { buildSpawnSpec, type LaunchContext } from '../../src/launch-spec.js'
import type { LaunchEnv } from '../../src/interpreter.js'
import { specFor } from '../helpers/supervisor-harness.js'

const paths: string[] = []
const ctx: LaunchContext = {
  baseEnv: { PATH: '/bin', SECRET_OF_CALLER: undefined },
  home: '/tmp/od-x',
  launchEnv: (pathEnv): LaunchEnv => {
    paths.push(pathEnv)
    return {
      stat: () => ({ kind: 'file', executable: true }),
      which: () => null,
      execPath: '/usr/bin/node',
      nodeVersion: '20.0.0',
    }
  },
}
const ident = { id: 3, name: 'api', namespace: 'prod', instance: 1 }

describe('buildSpawnSpec', () => {
  it('runs a .js file with the daemon node, env layered, identity variables last', () => {
    const spec = buildSpawnSpec(ident, specFor({ env: { PORT: '80' }, instances: 2, cwd: '/srv' }), ctx)
    expect(spec).toMatchObject({ command: '/usr/bin/node', args: ['/srv/app.js'], cwd: '/srv', ipc: true })
    expect(spec.env).toMatchObject({
      PATH: '/bin',
      PORT: '80',
      OD_APP_ID: '3',
      OD_INSTANCE_ID: '1',
      OD_INSTANCES: '2',
      OD_HOME: '/tmp/od-x',
      OD_NAMESPACE: 'prod',
    })
    expect(spec).not.toHaveProperty('uid')
  })

  it('passes OS options and looks commands up on an empty PATH when none is set', () => {
    const spec = buildSpawnSpec(
      ident,
      specFor({ uid: 1000, gid: 1000, nice: 5, umask: '022', cpuAffinity: '0' }),
      { ...ctx, baseEnv: {} },
    )
    expect(spec).toMatchObject({ uid: 1000, gid: 1000, nice: 5, umask: 0o22, cpuAffinity: [0] })
    expect(paths.at(-1)).toBe('')
  })
})
