import { describe, expect, it } from 'vitest'
import {
  firstBlocker,
  nodeDriftWarning,
  pathChain,
  savedListWarning,
} from '../../../src/startup/startup-checks.js'

describe('nodeDriftWarning', () => {
  it.each([
    '/home/u/.nvm/versions/node/v20.1.0/bin/node',
    '/home/u/.fnm/node-versions/v20/bin/node',
    '/home/u/.volta/tools/image/node/20/bin/node',
    '/home/u/.asdf/installs/nodejs/20/bin/node',
    '/home/u/.nodenv/versions/20/bin/node',
    '/usr/local/n/versions/node/20/bin/node',
    '/home/u/.local/share/mise/installs/node/20/bin/node',
  ])('warns for %s and suggests --node', (node) => {
    expect(nodeDriftWarning(node)).toContain(`Node.js runs from ${node}`)
    expect(nodeDriftWarning(node)).toContain('--node /usr/local/bin/node')
  })

  it('is silent for a system node', () => {
    expect(nodeDriftWarning('/usr/bin/node')).toBeNull()
  })
})

describe('savedListWarning', () => {
  it('warns only when neither a dump nor a state with apps exists', () => {
    expect(savedListWarning({ dump: false, stateHasApps: false })).toContain('run `od save`')
    expect(savedListWarning({ dump: true, stateHasApps: false })).toBeNull()
    expect(savedListWarning({ dump: false, stateHasApps: true })).toBeNull()
  })
})

describe('firstBlocker', () => {
  const who = { uid: 1000, gid: 1000 }
  const dir = (path: string, mode: number, uid = 0, gid = 0) => ({
    path,
    mode: 0o40000 | mode,
    uid,
    gid,
    need: 'x' as const,
  })

  it('root passes everything', () => {
    expect(firstBlocker([dir('/root', 0o700)], { uid: 0, gid: 0 })).toBeNull()
  })

  it('names the first directory the user cannot search (/root/.nvm is the classic)', () => {
    expect(firstBlocker([dir('/', 0o755), dir('/root', 0o700), dir('/root/.nvm', 0o755)], who)).toBe('/root')
  })

  it('uses the owner, then the group, then the other bits', () => {
    expect(firstBlocker([dir('/a', 0o700, 1000)], who)).toBeNull()
    expect(firstBlocker([dir('/a', 0o070, 0, 1000)], who)).toBeNull()
    expect(firstBlocker([dir('/a', 0o770, 0, 1000)], who)).toBeNull()
    expect(firstBlocker([dir('/a', 0o701)], who)).toBeNull()
    expect(firstBlocker([dir('/a', 0o077, 1000)], who)).toBe('/a')
  })

  it('a file needs x (node) or r (the CLI)', () => {
    expect(firstBlocker([{ path: '/cli.cjs', mode: 0o100640, uid: 0, gid: 0, need: 'r' }], who)).toBe(
      '/cli.cjs',
    )
    expect(firstBlocker([{ path: '/cli.cjs', mode: 0o100644, uid: 0, gid: 0, need: 'r' }], who)).toBeNull()
    expect(firstBlocker([{ path: '/node', mode: 0o100744, uid: 0, gid: 0, need: 'x' }], who)).toBe('/node')
  })
})

describe('pathChain', () => {
  it('lists / and every directory down to the file', () => {
    expect(pathChain('/usr/bin/node', 'x')).toEqual([
      ['/', 'x'],
      ['/usr', 'x'],
      ['/usr/bin', 'x'],
      ['/usr/bin/node', 'x'],
    ])
    expect(pathChain('/cli.cjs', 'r')).toEqual([
      ['/', 'x'],
      ['/cli.cjs', 'r'],
    ])
  })
})
