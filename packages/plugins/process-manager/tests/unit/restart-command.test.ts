import { describe, expect, it } from 'vitest'
import { parseRestartCommand } from '../../src/restart-command.js'

describe('parseRestartCommand', () => {
  it.each([
    ['node server.js --port 80', 'node', ['server.js', '--port', '80']],
    ['  ./run  ', './run', []],
    [`node "my app.js" 'a|b' x\\;y`, 'node', ['my app.js', 'a|b', 'x;y']],
    ['python3 -c "print(1)"', 'python3', ['-c', 'print(1)']],
  ])('runs %j without a shell', (command, script, args) => {
    expect(parseRestartCommand(command)).toEqual({ script, args, shell: false })
  })

  it.each([
    './run.sh > out.log 2>&1',
    'a | b',
    'a; b',
    'a && b',
    'echo $HOME',
    'ls *.js',
    'cd /srv\nnode x',
    'node `which app`',
    '~/bin/app',
  ])('runs %j through /bin/sh', (command) => {
    expect(parseRestartCommand(command)).toEqual({ script: command.trim(), args: [], shell: true })
  })

  it.each([
    ['   ', 'restartCommand: is empty'],
    ['node "open', 'restartCommand: has an unclosed quote'],
  ])('refuses %j', (command, message) => {
    expect(() => parseRestartCommand(command)).toThrow(
      expect.objectContaining({
        code: 'OD_APP_OPTION_INVALID',
        message: expect.stringContaining(message) as unknown,
      }),
    )
  })
})
