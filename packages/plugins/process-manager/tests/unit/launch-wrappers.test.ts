import { describe, expect, it } from 'vitest'
import { wrapLaunch } from '../../src/launch-wrappers.js'

const tools: Record<string, string> = { nice: '/usr/bin/nice', taskset: '/usr/bin/taskset' }
const which = (name: string): string | null => tools[name] ?? null
const app = { command: '/usr/bin/node', args: ['app.js'] }

describe('wrapLaunch', () => {
  it('changes nothing without options', () => {
    expect(wrapLaunch(app, {}, which)).toEqual(app)
  })

  it('wraps with nice -n', () => {
    expect(wrapLaunch(app, { nice: 10 }, which)).toEqual({
      command: '/usr/bin/nice',
      args: ['-n', '10', '/usr/bin/node', 'app.js'],
    })
  })

  it('wraps with taskset -c', () => {
    expect(wrapLaunch(app, { cpuAffinity: [0, 2] }, which)).toEqual({
      command: '/usr/bin/taskset',
      args: ['-c', '0,2', '/usr/bin/node', 'app.js'],
    })
  })

  it('sets the umask in a shell that execs the rest', () => {
    expect(wrapLaunch(app, { umask: 0o27 }, which)).toEqual({
      command: '/bin/sh',
      args: ['-c', 'umask 027 && exec "$@"', 'od-umask', '/usr/bin/node', 'app.js'],
    })
  })

  it('nests umask → nice → taskset → app', () => {
    expect(wrapLaunch(app, { umask: 0, nice: 1, cpuAffinity: [1] }, which)).toEqual({
      command: '/bin/sh',
      args: [
        '-c',
        'umask 000 && exec "$@"',
        'od-umask',
        '/usr/bin/nice',
        '-n',
        '1',
        '/usr/bin/taskset',
        '-c',
        '1',
        '/usr/bin/node',
        'app.js',
      ],
    })
  })

  it('names the missing tool and the fix', () => {
    expect(() => wrapLaunch(app, { cpuAffinity: [0] }, () => null)).toThrow(
      'cpuAffinity needs the `taskset` command, which is not on PATH. Install util-linux (it provides taskset), or remove cpuAffinity.',
    )
    expect(() => wrapLaunch(app, { nice: 5 }, () => null)).toThrow(
      expect.objectContaining({ code: 'OD_TOOL_NOT_FOUND', message: expect.stringContaining('`nice`') }),
    )
  })
})
