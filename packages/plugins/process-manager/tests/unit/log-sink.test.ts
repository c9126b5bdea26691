import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileLogSink } from '../../src/log-sink.js'

describe('createFileLogSink', () => {
  const dirs: string[] = []
  const tmp = (): string => {
    const dir = mkdtempSync('/tmp/od-')
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('appends stdout and stderr to <name>-out.log / <name>-err.log with private modes', async () => {
    const home = tmp()
    const sink = createFileLogSink(`${home}/logs`)
    writeFileSync(`${home}/placeholder`, '')
    for (const word of ['one', 'two']) {
      const out = new PassThrough()
      const err = new PassThrough()
      const logs = sink.attach({ id: 0, name: 'api' }, out, err)
      out.end(`${word}\n`)
      err.end(`${word}-err\n`)
      await logs.close()
      await logs.close()
    }
    const paths = sink.paths({ id: 0, name: 'api' })
    expect(paths).toEqual({ out: `${home}/logs/api-out.log`, err: `${home}/logs/api-err.log` })
    expect(readFileSync(paths.out, 'utf8')).toBe('one\ntwo\n')
    expect(readFileSync(paths.err, 'utf8')).toBe('one-err\ntwo-err\n')
    expect(statSync(paths.out).mode & 0o777).toBe(0o600)
    expect(statSync(`${home}/logs`).mode & 0o777).toBe(0o700)
  })

  it('a log file that cannot be opened does not throw', async () => {
    const home = tmp()
    const sink = createFileLogSink(home)
    // A directory where the file should be: opening it fails with EISDIR.
    const { mkdirSync } = await import('node:fs')
    mkdirSync(`${home}/bad-out.log`)
    mkdirSync(`${home}/bad-err.log`)
    const out = new PassThrough()
    const err = new PassThrough()
    const logs = sink.attach({ id: 1, name: 'bad' }, out, err)
    out.end('x\n')
    err.end('y\n')
    await logs.close()
  })
})
