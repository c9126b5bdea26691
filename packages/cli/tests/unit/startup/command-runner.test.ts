import { describe, expect, it } from 'vitest'
import { execRunner } from '../../../src/startup/command-runner.js'

describe('execRunner', () => {
  const run = execRunner({ PATH: process.env['PATH'] ?? '' })

  it('resolves with stdout of a command that succeeds', async () => {
    expect(await run([process.execPath, '-e', 'process.stdout.write("hi")'])).toEqual({
      code: 0,
      stdout: 'hi',
      stderr: '',
    })
  })

  it('resolves with the exit code and stderr of a failing command', async () => {
    expect(await run([process.execPath, '-e', 'process.stderr.write("bad"); process.exit(3)'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'bad',
    })
  })

  it('a failure without stderr carries the error message', async () => {
    const result = await run([process.execPath, '-e', 'process.exit(4)'])
    expect(result.code).toBe(4)
    expect(result.stderr).toContain('Command failed')
  })

  it('a missing program is code 127', async () => {
    expect(await run(['od-no-such-program-xyz'])).toMatchObject({
      code: 127,
      stderr: 'od-no-such-program-xyz: not found',
    })
  })

  it('a command killed by a signal counts as code 1', async () => {
    const result = await run([process.execPath, '-e', 'process.kill(process.pid, "SIGKILL")'])
    expect(result.code).toBe(1)
  })
})
