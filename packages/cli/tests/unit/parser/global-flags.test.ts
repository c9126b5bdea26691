import { describe, expect, it } from 'vitest'
import { globalArgs, prescanGlobals, topLevelArgs } from '../../../src/parser/global-flags.js'

describe('global flags', () => {
  it('are accepted by every command and at the top level, where --version is added', () => {
    expect(Object.keys(globalArgs)).toEqual([
      'json',
      'quiet',
      'verbose',
      'color',
      'help',
      'home',
      'socket',
      'timeout',
      'daemonStart',
    ])
    expect(Object.keys(topLevelArgs)).toEqual([...Object.keys(globalArgs), 'version'])
  })

  it('prescan sees exact spellings before --', () => {
    expect(prescanGlobals(['list', '--json', '-q', '-v', '--no-color', '-h'])).toEqual({
      json: true,
      quiet: true,
      verbose: true,
      color: false,
      help: true,
    })
    expect(prescanGlobals(['list', '--quiet', '--verbose', '--help'])).toMatchObject({
      quiet: true,
      verbose: true,
      help: true,
    })
  })

  it('prescan ignores flags after --', () => {
    expect(prescanGlobals(['start', '--', '--json'])).toEqual({
      json: false,
      quiet: false,
      verbose: false,
      color: true,
      help: false,
    })
  })
})
