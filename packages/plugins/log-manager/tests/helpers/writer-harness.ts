// A file writer on the in-memory fs, a fake clock and a manual `defer` queue.
import { createFakeClock, type FakeClock } from '@opendaemon/core'
import { vi } from 'vitest'
import {
  createFileWriter,
  type FileWriter,
  type FileWriterOptions,
  type WriterHooks,
} from '../../src/write/file-writer.js'
import { createMemoryFs, type MemoryFs } from './memory-fs.js'

export interface WriterHarness {
  fs: MemoryFs
  clock: FakeClock
  hooks: { [K in keyof WriterHooks]: ReturnType<typeof vi.fn> }
  writer: FileWriter
  /** Runs the deferred callbacks (end of the event-loop turn). */
  turn(): void
  deferred: (() => void)[]
}

export const PATH = '/l/api-out.log'

export function writerHarness(
  options: Partial<FileWriterOptions> = {},
  extra: { errorBufferBytes?: number; fs?: MemoryFs } = {},
): WriterHarness {
  const fs = extra.fs ?? createMemoryFs()
  const clock = createFakeClock(Date.UTC(2026, 0, 1, 3, 4, 5))
  const deferred: (() => void)[] = []
  const hooks = { rotated: vi.fn(), writeError: vi.fn(), recovered: vi.fn(), warn: vi.fn() }
  const writer = createFileWriter(
    {
      path: PATH,
      mode: 0o600,
      maxSize: 0,
      rotateInterval: null,
      flush: 'batch',
      flushIntervalMs: 1000,
      ...options,
    },
    {
      fs,
      clock,
      defer: (fn) => deferred.push(fn),
      hooks,
      errorBufferBytes: extra.errorBufferBytes ?? 1024,
      retryMs: 1000,
      offsetOf: () => 0,
    },
  )
  return {
    fs,
    clock,
    hooks,
    writer,
    deferred,
    turn() {
      for (const fn of deferred.splice(0)) fn()
    },
  }
}
