// The supervisor's side of the log seam: what it tells the sink about each run (§9.7 crash records)
// and that a stop is reported only once the app's output is written.
import { describe, expect, it } from 'vitest'
import type { AppLogSink, LogExit, LogTarget } from '../../src/log-sink.js'
import { harness, specFor, startOnline } from '../helpers/supervisor-harness.js'

function recordingSink() {
  const exits: LogExit[] = []
  const targets: LogTarget[] = []
  let release: () => void = () => undefined
  const closing = { calls: 0 }
  const sink: AppLogSink = {
    attach(app, stdout, stderr) {
      targets.push(app)
      stdout.resume()
      stderr.resume()
      return {
        exited: (exit) => void exits.push(exit),
        close: () => {
          closing.calls++
          return new Promise<void>((resolve) => (release = resolve))
        },
      }
    },
    paths: () => ({ out: '/o', err: '/e' }),
  }
  return { sink, exits, targets, closing, release: () => release() }
}

describe('supervisor and the log sink', () => {
  it('hands over the instance with its log fields, and reports a crash as abnormal', async () => {
    const r = recordingSink()
    const h = harness({ outFile: 'o.log', maxLogSize: '1M', autorestart: 'never' }, {}, { logSink: r.sink })
    await startOnline(h)
    expect(r.targets[0]).toMatchObject({
      id: 7,
      name: 'app',
      instance: 0,
      instances: 1,
      cwd: '/',
      logs: { outFile: 'o.log', maxLogSize: '1M' },
    })
    h.spawner.last().exit(2)
    expect(r.exits).toEqual([{ code: 2, signal: null, uptimeMs: 100, abnormal: true, reason: 'crash' }])
  })

  it('reports a clean exit and a requested stop as normal, and reports the stop once the output is written', async () => {
    const r = recordingSink()
    const h = harness({ autorestart: 'never' }, {}, { logSink: r.sink })
    await startOnline(h)
    let stopped = false
    const stopping = h.sup.stop().then(() => (stopped = true))
    await h.clock.advanceAsync(0)
    await h.clock.flush()
    expect(r.exits[0]).toMatchObject({ signal: 'SIGTERM', abnormal: false })
    expect(h.sup.status).toBe('stopping')
    expect(stopped).toBe(false)
    r.release()
    await stopping
    expect(h.sup.status).toBe('stopped')
  })

  it('reports an exit with code 0 as normal', async () => {
    const r = recordingSink()
    const h = harness({ autorestart: 'never' }, {}, { logSink: r.sink })
    await startOnline(h)
    h.spawner.last().exit(0)
    expect(r.exits[0]).toMatchObject({ code: 0, signal: null, abnormal: false })
  })

  it('reports a death by a signal OD did not send as abnormal', async () => {
    const r = recordingSink()
    const h = harness({ autorestart: 'never' }, {}, { logSink: r.sink })
    await startOnline(h)
    h.spawner.last().exit(null, 'SIGKILL')
    expect(r.exits[0]).toMatchObject({ code: null, signal: 'SIGKILL', abnormal: true })
  })

  it('reports a ready timeout as abnormal with its reason', async () => {
    const r = recordingSink()
    const h = harness({ waitReady: true, listenTimeout: 1000, autorestart: 'never' }, {}, { logSink: r.sink })
    const started = h.sup.start()
    await h.clock.advanceAsync(1000)
    await started
    expect(r.exits[0]).toMatchObject({ abnormal: true, reason: 'ready-timeout', signal: 'SIGTERM' })
  })

  it('sends no log fields for a spec saved before they existed', async () => {
    const r = recordingSink()
    const { logs: _dropped, ...old } = specFor({ autorestart: 'never' })
    const h = harness({}, {}, { logSink: r.sink })
    expect(old).not.toHaveProperty('logs')
    const sup = (await import('../../src/supervisor.js')).createSupervisor(
      { id: 1, name: 'old', namespace: 'default', instance: 0 },
      old,
      {
        clock: h.clock,
        spawner: h.spawner,
        events: { emit: () => undefined },
        logger: (await import('@opendaemon/core')).createLogger(),
        random: () => 0.5,
        logSink: r.sink,
        readRss: () => Promise.resolve(null),
        launch: () => ({ command: 'app', args: [], cwd: '/', env: {}, ipc: true }),
        onChange: () => undefined,
        startGraceMs: 100,
        memoryCheckMs: 1000,
      },
    )
    const started = sup.start()
    await h.clock.advanceAsync(100)
    await started
    expect(r.targets[0]?.logs).toBeUndefined()
  })
})
