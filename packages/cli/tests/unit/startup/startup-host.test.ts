import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  gatherInitFacts,
  isDirectory,
  nodeStartupHost,
  stateHasApps,
} from '../../../src/startup/startup-host.js'
import { tableRunner } from '../../support/startup-fixtures.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync('/tmp/od-')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('gatherInitFacts', () => {
  it('reads the systemd directory, the OpenRC binaries and `initctl version`', async () => {
    const run = tableRunner({ '/sbin/initctl version': { stdout: 'init (upstart 1.12)' } })
    const all = { exists: () => true, isDirectory: () => true }
    expect(await gatherInitFacts('linux', all, run)).toEqual({
      platform: 'linux',
      systemdRunning: true,
      openrc: true,
      initctlVersion: 'init (upstart 1.12)',
    })
    const onlyOpenrc = { exists: (p: string) => p === '/sbin/openrc', isDirectory: () => false }
    expect(await gatherInitFacts('linux', onlyOpenrc, run)).toMatchObject({
      openrc: true,
      initctlVersion: null,
    })
    const failing = tableRunner({ '/sbin/initctl version': { code: 1 } })
    expect(await gatherInitFacts('linux', all, failing)).toMatchObject({ initctlVersion: null })
  })
})

describe('nodeStartupHost', () => {
  it('roots files at OD_STARTUP_ROOT, else /; the caller is the current account', () => {
    expect(nodeStartupHost({ OD_STARTUP_ROOT: dir }).root).toBe(dir)
    expect(nodeStartupHost({ OD_STARTUP_ROOT: '' }).root).toBe('/')
    expect(nodeStartupHost({}).caller).toEqual({ name: userInfo().username, uid: userInfo().uid })
  })

  it('detects on this machine without failing', async () => {
    const facts = await nodeStartupHost({ PATH: process.env['PATH'] ?? '' }).initFacts()
    expect(facts.platform).toBe(process.platform)
    expect(facts.systemdRunning).toBe(isDirectory('/run/systemd/system'))
  })

  it('realpath resolves symlinks and keeps a missing path as given; exists', () => {
    const host = nodeStartupHost({})
    expect(host.realpath(process.execPath)).toMatch(/node/)
    expect(host.realpath(join(dir, 'missing'))).toBe(join(dir, 'missing'))
    expect(host.exists(dir)).toBe(true)
    expect(isDirectory(join(dir, 'missing'))).toBe(false)
  })

  it('permissions: stat facts from / down to the file, stopping at a missing entry', () => {
    const host = nodeStartupHost({})
    writeFileSync(join(dir, 'cli.cjs'), '')
    const chain = host.permissions(join(dir, 'cli.cjs'), 'r')
    expect(chain.map((f) => [f.path, f.need])).toEqual([
      ['/', 'x'],
      ['/tmp', 'x'],
      [dir, 'x'],
      [join(dir, 'cli.cjs'), 'r'],
    ])
    expect(typeof chain[0]?.mode).toBe('number')
    expect(host.permissions(join(dir, 'nope', 'x'), 'x').map((f) => f.path)).toEqual(['/', '/tmp', dir])
  })

  it('saved: dump.json, and a state.json holding apps', () => {
    const host = nodeStartupHost({})
    expect(host.saved(dir)).toEqual({ dump: false, stateHasApps: false })
    writeFileSync(join(dir, 'dump.json'), '{}')
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 1, data: { apps: [{ name: 'a' }] } }))
    expect(host.saved(dir)).toEqual({ dump: true, stateHasApps: true })
  })

  it('shutdownTimeoutMs from config.json, only a positive integer', () => {
    const host = nodeStartupHost({})
    expect(host.shutdownTimeoutMs(dir)).toBeUndefined()
    writeFileSync(join(dir, 'config.json'), '{"shutdownTimeoutMs": 30000}')
    expect(host.shutdownTimeoutMs(dir)).toBe(30_000)
    writeFileSync(join(dir, 'config.json'), '{"shutdownTimeoutMs": "30s"}')
    expect(host.shutdownTimeoutMs(dir)).toBeUndefined()
    writeFileSync(join(dir, 'config.json'), '{"shutdownTimeoutMs": 0.5}')
    expect(host.shutdownTimeoutMs(dir)).toBeUndefined()
    writeFileSync(join(dir, 'config.json'), '{"shutdownTimeoutMs": -1}')
    expect(host.shutdownTimeoutMs(dir)).toBeUndefined()
    writeFileSync(join(dir, 'config.json'), 'null')
    expect(host.shutdownTimeoutMs(dir)).toBeUndefined()
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'sub', 'config.json'), '{ torn')
    expect(host.shutdownTimeoutMs(join(dir, 'sub'))).toBeUndefined()
  })
})

describe('stateHasApps', () => {
  it.each([
    [{ data: { apps: [{}] } }, true],
    [{ data: { apps: [] } }, false],
    [{ data: {} }, false],
    [{}, false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (state, expected) => {
    expect(stateHasApps(state)).toBe(expected)
  })
})
