import { createFakeClock } from '@opendaemon/core'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createRecentOutput } from '../../../src/crash/recent-output.js'
import { createLineHub } from '../../../src/live/line-hub.js'
import type { FileWriter } from '../../../src/write/file-writer.js'
import { captureStream, type StreamCaptureOptions } from '../../../src/write/stream-capture.js'
import type { WriteOwner } from '../../../src/write/write-queue.js'

function fakeWriter() {
  const chunks: Buffer[] = []
  const held: { n: number; owner: WriteOwner | undefined }[] = []
  const writer = {
    path: '/l/x.log',
    write(buf: Buffer, owner?: WriteOwner) {
      chunks.push(buf)
      held.push({ n: buf.length, owner })
    },
  } as unknown as FileWriter
  return {
    writer,
    chunks,
    text: () => Buffer.concat(chunks).toString(),
    releaseAll() {
      for (const h of held.splice(0)) h.owner?.release(h.n)
    },
  }
}

function setup(extra: Partial<StreamCaptureOptions> = {}) {
  const stream = new PassThrough()
  const w = fakeWriter()
  const clock = createFakeClock(Date.UTC(2026, 0, 1))
  const hub = createLineHub()
  const cap = captureStream({
    stream,
    src: { pid: 9, processName: 'api', instanceId: 0, id: 4, namespace: 'default', source: 'stdout' },
    instance: 0,
    writers: [w.writer],
    format: null,
    align: false,
    maxLineLength: 1024,
    recent: null,
    hub,
    clock,
    highWaterMark: 1 << 20,
    partialFlushMs: 1000,
    ...extra,
  })
  const push = async (s: string | Buffer) => {
    stream.write(s)
    await new Promise((r) => setImmediate(r))
  }
  return { stream, w, clock, hub, cap, push }
}

describe('captureStream', () => {
  it('raw: hands each chunk to the writers byte for byte', async () => {
    const { w, push, stream, cap } = setup()
    const bin = Buffer.from([0xff, 0x00, 0x0a, 0xc3])
    await push('par')
    await push(bin)
    stream.end()
    await cap.ended
    expect(Buffer.concat(w.chunks)).toEqual(Buffer.concat([Buffer.from('par'), bin]))
  })

  it('pauses the pipe above the high-water mark and resumes below half of it', async () => {
    const { w, push, cap, stream } = setup({ highWaterMark: 100 })
    await push(Buffer.alloc(150, 'a'))
    expect(cap.paused).toBe(true)
    expect(stream.isPaused()).toBe(true)
    w.releaseAll()
    expect(cap.paused).toBe(false)
    expect(stream.isPaused()).toBe(false)
  })

  it('prefixed: frames lines, keeps the partial tail until the idle timeout', async () => {
    const { w, push, clock } = setup({ format: { kind: 'prefixed', stamp: () => 'T' } })
    await push('a\nb')
    expect(w.text()).toBe('T: a\n')
    await clock.advanceAsync(600)
    await push('c')
    await clock.advanceAsync(600)
    expect(w.text()).toBe('T: a\n')
    await clock.advanceAsync(400)
    expect(w.text()).toBe('T: a\nT: bc\n')
  })

  it('json: writes the partial line at the end of the stream, marked partial', async () => {
    const { w, push, stream, cap } = setup({ format: { kind: 'json' } })
    await push('{"level":"warn","msg":"m"}\nlast')
    stream.end()
    await cap.ended
    const entries = w
      .text()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(entries).toMatchObject([
      { level: 'warn', message: 'm', pid: 9 },
      { message: 'last', partial: true },
    ])
  })

  it('publishes framed lines only while someone follows', async () => {
    const { hub, push, w } = setup()
    await push('before\n')
    const seen: unknown[] = []
    const off = hub.subscribe((line) => seen.push(line))
    await push('x\r\ny')
    await push(`${'z'.repeat(1500)}\n`)
    off()
    await push('after\n')
    expect(seen).toEqual([
      { id: 4, name: 'api', instance: 0, source: 'stdout', at: Date.UTC(2026, 0, 1), message: 'x' },
      {
        id: 4,
        name: 'api',
        instance: 0,
        source: 'stdout',
        at: Date.UTC(2026, 0, 1),
        message: `y${'z'.repeat(1023)}`,
      },
      {
        id: 4,
        name: 'api',
        instance: 0,
        source: 'stdout',
        at: Date.UTC(2026, 0, 1),
        message: 'z'.repeat(477),
        cont: true,
      },
    ])
    expect(w.text()).toBe(`before\nx\r\ny${'z'.repeat(1500)}\nafter\n`)
  })

  it('publishes a partial line at the idle timeout', async () => {
    const { hub, push, clock } = setup()
    const seen: { message: string; partial?: boolean }[] = []
    hub.subscribe((line) => seen.push(line))
    await push('prompt> ')
    await clock.advanceAsync(1000)
    expect(seen).toEqual([expect.objectContaining({ message: 'prompt> ', partial: true })])
  })

  it('aligned raw: holds bytes after the last newline so a shared file gets whole lines', async () => {
    const { w, push, clock, hub } = setup({ align: true })
    await push('a\nb')
    await push('c\nd')
    expect(w.chunks.map(String)).toEqual(['a\n', 'bc\n'])
    await clock.advanceAsync(1000)
    expect(w.text()).toBe('a\nbc\nd')
    hub.subscribe(() => undefined)
    await push('e\nf')
    expect(w.text()).toBe('a\nbc\nde\n')
  })

  it('aligned raw: lets a line longer than maxLineLength through', async () => {
    const { w, push } = setup({ align: true, maxLineLength: 1024 })
    await push(Buffer.alloc(2000, 'q'))
    expect(w.chunks.map((c) => c.length)).toEqual([2000])
  })

  it('keeps recent chunks for crash records', async () => {
    const recent = createRecentOutput(1024)
    const { push } = setup({ recent })
    await push('boom\n')
    expect(recent.lines(5)).toEqual([
      { timestamp: '2026-01-01T00:00:00.000Z', source: 'stdout', message: 'boom' },
    ])
  })

  it('finish stops reading a pipe that never ends and emits what waits', async () => {
    const { w, push, cap, stream } = setup({ align: true })
    await push('tail')
    cap.finish()
    cap.finish()
    await cap.ended
    expect(w.text()).toBe('tail')
    expect(stream.destroyed).toBe(true)
  })

  it('does not resume a pipe that ended while paused', async () => {
    const { w, push, cap, stream } = setup({ highWaterMark: 100 })
    await push(Buffer.alloc(150, 'a'))
    cap.finish()
    w.releaseAll()
    expect(stream.destroyed).toBe(true)
  })

  it('treats a stream error as its end', async () => {
    const { cap, stream } = setup()
    stream.destroy(new Error('EPIPE'))
    await cap.ended
  })
})

describe('captureStream partial lines under backpressure', () => {
  it('does not cut a line while the pipe is paused by backpressure', async () => {
    const { w, push, clock, cap } = setup({
      highWaterMark: 10,
      format: { kind: 'prefixed', stamp: () => 'T' },
    })
    await push('0123456789abcdef\nhalf')
    expect(cap.paused).toBe(true)
    await clock.advanceAsync(5000)
    expect(w.text()).toBe('T: 0123456789abcdef\n')
    w.releaseAll()
    await clock.advanceAsync(999)
    expect(w.text()).toBe('T: 0123456789abcdef\n')
    await clock.advanceAsync(1)
    expect(w.text()).toBe('T: 0123456789abcdef\nT: half\n')
  })
})

describe('captureStream followers joining mid-line', () => {
  it('skips the tail of the line in progress when a follower joins', async () => {
    const { hub, push } = setup()
    await push('first li')
    const seen: string[] = []
    hub.subscribe((line) => seen.push(line.message))
    await push('ne\nsecond\n')
    expect(seen).toEqual(['second'])
  })
})
