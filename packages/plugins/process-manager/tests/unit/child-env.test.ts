import { describe, expect, it } from 'vitest'
import { buildChildEnv } from '../../src/child-env.js'

describe('buildChildEnv', () => {
  const base = { PATH: '/usr/bin', HOME: '/root', GONE: undefined, PORT: '1' }

  it('layers the app env over the daemon env and drops unset variables', () => {
    const env = buildChildEnv({
      base,
      app: { PORT: '3000' },
      name: 'api',
      id: 7,
      namespace: 'prod',
      instance: 2,
    })
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      PORT: '3000',
      OD_APP_NAME: 'api',
      OD_APP_ID: '7',
      OD_NAMESPACE: 'prod',
      OD_INSTANCE_ID: '2',
      NODE_APP_INSTANCE: '2',
    })
  })

  it('the identity variables cannot be shadowed by the app', () => {
    const env = buildChildEnv({
      base,
      app: { OD_APP_NAME: 'fake' },
      name: 'api',
      id: 0,
      namespace: 'default',
      instance: 0,
    })
    expect(env['OD_APP_NAME']).toBe('api')
  })
})
