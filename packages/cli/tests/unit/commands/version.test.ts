import { VERSION } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/main.js'
import { fakeIo } from '../../support/fake-io.js'

describe('od version', () => {
  it.each([['version'], ['--version'], ['-V']])('`od %s` prints the version', async (arg) => {
    const io = fakeIo()
    expect(await main([arg], io)).toBe(0)
    expect(io.stdout.text).toBe(`opendaemon ${VERSION}\n`)
  })

  it('prints version and Node.js version as JSON', async () => {
    const io = fakeIo()
    expect(await main(['--version', '--json'], io)).toBe(0)
    expect(JSON.parse(io.stdout.text)).toEqual({ version: VERSION, node: 'v20.0.0' })
  })
})
