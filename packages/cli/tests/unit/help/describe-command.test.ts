import { describe, expect, it } from 'vitest'
import { defineCommand } from '../../../src/define-command.js'
import { describeCommand } from '../../../src/help/describe-command.js'

describe('describeCommand', () => {
  it('describes a command and its arguments as plain data', () => {
    const def = defineCommand({
      name: 'logs',
      aliases: ['log'],
      description: 'Show logs',
      args: {
        target: { type: 'positional', description: 'Process' },
        files: { type: 'positional', variadic: true, description: 'Files' },
        lines: { type: 'number', short: 'n', default: 15, description: 'Lines' },
        grep: { type: 'string', multiple: true, required: true, description: 'Pattern' },
        follow: { type: 'boolean', short: 'f', description: 'Follow' },
        stream: { type: 'enum', values: ['out', 'err'], description: 'Stream' },
        secret: { type: 'string', hidden: true, description: 'Hidden' },
      },
      subcommands: [{ name: 'clear', description: 'Clear' }],
      examples: ['od logs api', { command: 'od logs -f' }],
    })
    expect(describeCommand(def, ['logs'])).toEqual({
      name: 'logs',
      path: 'logs',
      aliases: ['log'],
      description: 'Show logs',
      usage: 'logs <subcommand> [options] [target] [files...]',
      args: [
        {
          name: 'target',
          kind: 'positional',
          type: 'string',
          description: 'Process',
          required: false,
          multiple: false,
        },
        {
          name: 'files',
          kind: 'positional',
          type: 'string',
          description: 'Files',
          required: false,
          multiple: true,
        },
        {
          name: 'lines',
          kind: 'flag',
          flag: '--lines',
          short: '-n',
          type: 'number',
          description: 'Lines',
          required: false,
          default: 15,
          multiple: false,
        },
        {
          name: 'grep',
          kind: 'flag',
          flag: '--grep',
          type: 'string',
          description: 'Pattern',
          required: true,
          multiple: true,
        },
        {
          name: 'follow',
          kind: 'flag',
          flag: '--follow',
          short: '-f',
          type: 'boolean',
          description: 'Follow',
          required: false,
          multiple: false,
        },
        {
          name: 'stream',
          kind: 'flag',
          flag: '--stream',
          type: 'enum',
          description: 'Stream',
          required: false,
          multiple: false,
          values: ['out', 'err'],
        },
      ],
      subcommands: ['clear'],
      examples: ['od logs api', 'od logs -f'],
    })
  })

  it('fills defaults for a bare command', () => {
    expect(describeCommand({ name: 'x', description: 'X' }, ['x'])).toMatchObject({
      aliases: [],
      args: [],
      subcommands: [],
      examples: [],
    })
  })
})
