import type { CliIo } from '../../src/cli-io.js'

/** A writable stream that keeps what was written. */
export interface Capture {
  text: string
  readonly isTTY?: boolean
  readonly columns?: number
  write(chunk: string): boolean
}

export function capture(options: { isTTY?: boolean; columns?: number } = {}): Capture {
  return {
    text: '',
    ...options,
    write(chunk: string) {
      this.text += chunk
      return true
    },
  }
}

export type FakeIo = CliIo & { readonly stdout: Capture; readonly stderr: Capture }

/** An io with capturing streams, an empty environment and fixed runtime facts. */
export function fakeIo(overrides: Partial<CliIo> = {}): FakeIo {
  return {
    stdout: capture(),
    stderr: capture(),
    env: {},
    cwd: '/tmp',
    runtime: {
      execPath: '/usr/bin/node',
      cliPath: '/opt/opendaemon/dist/cli.cjs',
      nodeVersion: 'v20.0.0',
      isRoot: false,
      homedir: '/home/ada',
      daemonEntry: '/opt/opendaemon/dist/daemon.js',
    },
    ...overrides,
  } as FakeIo
}
