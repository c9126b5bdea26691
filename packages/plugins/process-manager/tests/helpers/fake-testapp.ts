// Plays tests/fixtures/testapp.js inside the fake spawner, for the flags the contract suite uses,
// with timers on the given clock. A spawn of MISSING_COMMAND fails like a missing binary.
import type { StopClock } from '../../src/stop-group.js'
import type { FakeChild } from '../../src/fake-spawner.js'

export const MISSING_COMMAND = '/nonexistent/od-test-command'

function parseFlags(args: readonly string[]): { flags: Map<string, string | true>; printEnv: string[] } {
  const flags = new Map<string, string | true>()
  const printEnv: string[] = []
  const booleans = new Set(['--run-forever', '--trap-sigterm', '--spawn-grandchild'])
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string
    if (booleans.has(flag)) flags.set(flag, true)
    else if (flag === '--print-env') printEnv.push(args[++i] as string)
    else if (flag.startsWith('--')) flags.set(flag, args[++i] as string)
  }
  return { flags, printEnv }
}

export function fakeTestapp(clock: StopClock): (child: FakeChild) => void {
  return (child) => {
    if (child.spec.command === MISSING_COMMAND) throw new Error(`spawn ${MISSING_COMMAND} ENOENT`)
    const { flags, printEnv } = parseFlags(child.spec.args.slice(1))
    const ms = (flag: string): number => Number(flags.get(flag))
    const say = (line: string): void => child.writeStdout(`${line}\n`)
    let keepAlive = ['--run-forever', '--trap-sigterm', '--spawn-grandchild', '--slow-shutdown'].some((f) =>
      flags.has(f),
    )
    say(`STARTED ${child.pid}`)
    for (const name of printEnv) say(`ENV ${name}=${child.spec.env[name] ?? '<unset>'}`)
    if (flags.has('--trap-sigterm')) child.trap('SIGTERM')
    if (flags.has('--slow-shutdown')) {
      child.trap('SIGTERM')
      child.onSignal((signal) => {
        if (signal !== 'SIGTERM') return
        say('SHUTTING DOWN')
        clock.setTimeout(() => child.exit(0), ms('--slow-shutdown'))
      })
    }
    if (flags.has('--crash-after')) {
      keepAlive = true
      clock.setTimeout(
        () => child.exit(flags.has('--exit-code') ? ms('--exit-code') : 1),
        ms('--crash-after'),
      )
    }
    if (flags.has('--ready-after')) {
      const exitAfterReady = !keepAlive
      clock.setTimeout(() => {
        if (child.spec.ipc === true) child.sendToParent('ready')
        say('READY')
        if (exitAfterReady) child.exit(0)
      }, ms('--ready-after'))
      keepAlive = true
    }
    if (flags.has('--spawn-grandchild')) {
      say(`GRANDCHILD ${child.addGroupMember(flags.has('--trap-sigterm') ? ['SIGTERM'] : [])}`)
    }
    if (!keepAlive) clock.setTimeout(() => child.exit(0), 0)
  }
}
