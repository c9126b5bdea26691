import { describe, expect, it } from 'vitest'
import { LOG_DEFAULTS, parseLogOptions } from '../../src/log-options.js'
import { logFilesOf } from '../../src/log-paths.js'

const one = { name: 'api', instance: 0, instances: 1, cwd: '/srv/api' }
const second = { ...one, instance: 1, instances: 2 }

describe('logFilesOf', () => {
  it('names the default files of one instance', () => {
    expect(logFilesOf(one, LOG_DEFAULTS, '/l')).toEqual({
      out: '/l/api-out.log',
      err: '/l/api-err.log',
      combined: null,
    })
  })

  it('inserts the index for several instances', () => {
    expect(logFilesOf(second, parseLogOptions({ logFile: true }), '/l')).toEqual({
      out: '/l/api-1-out.log',
      err: '/l/api-1-err.log',
      combined: '/l/api-1.log',
    })
  })

  it('shares the files of merged instances', () => {
    expect(logFilesOf(second, parseLogOptions({ mergeLogs: true, logFile: true }), '/l')).toEqual({
      out: '/l/api-out.log',
      err: '/l/api-err.log',
      combined: '/l/api.log',
    })
  })

  it('resolves custom paths against cwd and inserts the index before the extension', () => {
    const opts = parseLogOptions({ outFile: 'logs/out.txt', errFile: '/var/log/err', logFile: 'all.log' })
    expect(logFilesOf(second, opts, '/l')).toEqual({
      out: '/srv/api/logs/out-1.txt',
      err: '/var/log/err-1',
      combined: '/srv/api/all-1.log',
    })
    expect(logFilesOf(one, opts, '/l').out).toBe('/srv/api/logs/out.txt')
  })

  it('stores nothing for /dev/null and for disableLogs', () => {
    expect(logFilesOf(one, parseLogOptions({ outFile: '/dev/null', logFile: '/dev/null' }), '/l')).toEqual({
      out: null,
      err: '/l/api-err.log',
      combined: null,
    })
    expect(logFilesOf(one, parseLogOptions({ disableLogs: true }), '/l')).toEqual({
      out: null,
      err: null,
      combined: null,
    })
  })
})
