import { describe, expect, it } from 'vitest'
import { isShimScript, renderShimScript, SHIM_MARKER, shellQuote } from '../../../src/shim/shim-script.js'

const input = {
  nodePath: '/usr/bin/node',
  cliPath: '/usr/lib/node_modules/opendaemon/dist/cli.cjs',
  systemOd: '/usr/bin/od',
  words: ['help', 'list', 'ls'],
  version: '0.1.0',
}

describe('shellQuote', () => {
  it('single-quotes and escapes embedded single quotes', () => {
    expect(shellQuote('/opt/my apps/node')).toBe("'/opt/my apps/node'")
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  })
})

describe('renderShimScript', () => {
  const script = renderShimScript(input)
  const lines = script.split('\n')

  it('is a POSIX sh script with the marker on line 2', () => {
    expect(lines[0]).toBe('#!/bin/sh')
    expect(lines[1]).toBe(SHIM_MARKER)
    expect(script.endsWith('\n')).toBe(true)
  })

  it('embeds the absolute paths of Node.js and the CLI', () => {
    expect(lines).toContain("node='/usr/bin/node'")
    expect(lines).toContain("cli='/usr/lib/node_modules/opendaemon/dist/cli.cjs'")
    expect(script).toContain('exec "$node" "$cli" "$@"')
  })

  it('routes the command words and the OpenDaemon flags to OpenDaemon', () => {
    expect(lines).toContain(
      "  'help'|'list'|'ls'|--version|-V|--help|--json|--quiet|--verbose|--no-color) opendaemon \"$@\" ;;",
    )
  })

  it('routes -h alone and no arguments to OpenDaemon only when stdin is a terminal', () => {
    expect(lines).toContain('  -h) if [ "$#" -eq 1 ] && [ -t 0 ]; then opendaemon "$@"; fi ;;')
    expect(lines).toContain('if [ "$#" -eq 0 ] && [ -t 0 ]; then opendaemon; fi')
  })

  it('hands everything else to the system od unchanged', () => {
    expect(lines.at(-2)).toBe(`exec '/usr/bin/od' "$@"`)
  })

  it('fails with a clear message when no system od was found', () => {
    const none = renderShimScript({ ...input, systemOd: null })
    expect(none).toContain('no system od was found when this shim was installed')
    expect(none.split('\n').at(-2)).toBe('exit 127')
    expect(none).not.toContain("exec '/usr/bin/od'")
  })

  it('records the version that wrote it', () => {
    expect(lines[2]).toContain('OpenDaemon 0.1.0')
  })
})

describe('isShimScript', () => {
  it('recognises its own scripts only', () => {
    expect(isShimScript(renderShimScript(input))).toBe(true)
    expect(isShimScript('#!/bin/sh\necho foreign od\n')).toBe(false)
    expect(isShimScript(`${SHIM_MARKER}\n`)).toBe(false)
    expect(isShimScript('')).toBe(false)
  })
})
