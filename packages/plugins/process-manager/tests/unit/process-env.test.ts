import { describe, expect, it } from 'vitest'
import { viewEnv } from '../../src/env-view.js'
import { instanceEnv, readEnviron, type EnvSources } from '../../src/process-env.js'
import type { Supervisor } from '../../src/supervisor-contract.js'

function sup(status: Supervisor['status'], pid: number | null, adopted: boolean): Supervisor {
  return {
    ident: { id: 2, name: 'api', namespace: 'default', instance: 1 },
    status,
    snapshot: () => ({ pid }),
    ...(adopted ? { adoption: () => ({ pid: 9, startTime: 1, groupKill: false, adoptedAt: 0 }) } : {}),
  } as unknown as Supervisor
}

const sources = (spawned?: Record<string, string>): EnvSources => ({
  spawned: () => spawned,
  next: () => ({ NEXT: '1' }),
  environ: (pid) => Promise.resolve(pid === 9 ? { FROM_PROC: 'yes' } : null),
})

describe('viewEnv', () => {
  it('sorts keys and masks secret-looking ones (§16.4 pattern) unless showPlain', () => {
    const env = {
      PORT: '1',
      db_password: 'x',
      AWS_SECRET_ACCESS_KEY: 'y',
      GITHUB_TOKEN: 'z',
      APIKEY: 'k',
      AUTH_URL: 'u',
      PRIVATE_PEM: 'p',
      CREDENTIALS_FILE: 'c',
      PASS: 'q',
      HOME: '/h',
    }
    const view = viewEnv(env, false)
    expect(Object.keys(view.env)).toEqual(Object.keys(env).sort())
    expect(view.masked).toEqual([
      'APIKEY',
      'AUTH_URL',
      'AWS_SECRET_ACCESS_KEY',
      'CREDENTIALS_FILE',
      'GITHUB_TOKEN',
      'PASS',
      'PRIVATE_PEM',
      'db_password',
    ])
    expect(view.env).toMatchObject({ PORT: '1', HOME: '/h', GITHUB_TOKEN: '••••••' })
    expect(viewEnv(env, true)).toEqual({
      env: Object.fromEntries(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : 1))),
      masked: [],
    })
  })
})

describe('instanceEnv', () => {
  it('a running instance shows its spawn environment; without one, the next', async () => {
    expect(await instanceEnv(sup('online', 5, false), sources({ RAN: '1' }), false)).toEqual({
      id: 2,
      name: 'api',
      instance: 1,
      running: true,
      env: { RAN: '1' },
      secrets: [],
      masked: [],
    })
    expect((await instanceEnv(sup('online', 5, false), sources(), false)).env).toEqual({ NEXT: '1' })
    expect(await instanceEnv(sup('stopped', null, false), sources({ RAN: '1' }), false)).toMatchObject({
      running: false,
      env: { NEXT: '1' },
    })
  })

  it('an adopted process shows /proc/<pid>/environ while it runs, else nothing', async () => {
    expect((await instanceEnv(sup('online', 9, true), sources(), false)).env).toEqual({ FROM_PROC: 'yes' })
    expect((await instanceEnv(sup('online', 8, true), sources(), false)).env).toEqual({})
    expect((await instanceEnv(sup('stopped', null, true), sources(), false)).env).toEqual({})
    expect((await instanceEnv(sup('stopping', null, true), sources(), false)).env).toEqual({})
  })
})

describe('readEnviron', () => {
  it('parses NUL-separated KEY=VALUE entries, keeping = in values and skipping odd entries', async () => {
    const env = await readEnviron(1, () => Promise.resolve('A=1\0B=x=y\0=bad\0noequals\0\0'))
    expect(env).toEqual({ A: '1', B: 'x=y' })
  })

  it('returns null when the file cannot be read, and reads a real one', async () => {
    expect(await readEnviron(1, () => Promise.reject(new Error('EACCES')))).toBeNull()
    expect((await readEnviron(process.pid))?.['PATH']).toBe(process.env['PATH'])
  })
})
