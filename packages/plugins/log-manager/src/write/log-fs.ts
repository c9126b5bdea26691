/**
 * The file-system operations the log writer uses, as one injectable interface (tests pass a
 * failing one), and its real implementation on `node:fs` callbacks (the fastest path for writev).
 */
import * as fs from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'

/** What the writer needs from a file system. */
export interface LogFs {
  /** Opens for appending (`O_WRONLY|O_APPEND|O_CREAT`). */
  open(path: string, mode: number): Promise<number>
  writev(fd: number, buffers: Buffer[]): Promise<number>
  fstat(fd: number): Promise<{ size: number; nlink: number; ino: number }>
  /** null when nothing is at `path`. */
  stat(path: string): Promise<{ size: number; ino: number } | null>
  close(fd: number): Promise<void>
  fsync(fd: number): Promise<void>
  ftruncate(fd: number, length: number): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  mkdir(dir: string, mode: number): Promise<void>
  /** File names in `dir` ([] when it does not exist). */
  readdir(dir: string): Promise<string[]>
  /** Writes a file atomically (temp file, fsync, rename). */
  writeFileAtomic(path: string, data: string, mode: number): Promise<void>
  readFile(path: string): Promise<string | null>
  /** gzip `from` into `to` (level 6, in libuv's thread pool); fsyncs `to`. */
  gzip(from: string, to: string): Promise<{ bytesIn: number; bytesOut: number }>
}

function call<T>(fn: (cb: (err: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err === null ? resolve(value) : reject(err))))
}

const voidCall = (fn: (cb: (err: NodeJS.ErrnoException | null) => void) => void): Promise<void> =>
  call<void>((cb) => fn((err) => cb(err, undefined)))

async function fsyncPath(path: string): Promise<void> {
  const fd = await call<number>((cb) => fs.open(path, 'r', cb))
  try {
    await voidCall((cb) => fs.fsync(fd, cb))
  } finally {
    await voidCall((cb) => fs.close(fd, cb))
  }
}

/**
 * The real file system.
 *
 * @example
 * ```ts
 * const fd = await nodeLogFs.open('/tmp/od-demo.log', 0o600)
 * await nodeLogFs.writev(fd, [Buffer.from('hello\n')])
 * await nodeLogFs.close(fd)
 * ```
 */
export const nodeLogFs: LogFs = {
  open: (path, mode) => call((cb) => fs.open(path, 'a', mode, cb)),
  writev: (fd, buffers) => call((cb) => fs.writev(fd, buffers, cb)),
  fstat: (fd) => call((cb) => fs.fstat(fd, cb)),
  stat: (path) =>
    new Promise((resolve, reject) =>
      fs.stat(path, (err, st) => {
        if (err === null) resolve(st)
        else if (err.code === 'ENOENT' || err.code === 'ENOTDIR') resolve(null)
        else reject(err)
      }),
    ),
  close: (fd) => voidCall((cb) => fs.close(fd, cb)),
  fsync: (fd) => voidCall((cb) => fs.fsync(fd, cb)),
  ftruncate: (fd, length) => voidCall((cb) => fs.ftruncate(fd, length, cb)),
  rename: (from, to) => voidCall((cb) => fs.rename(from, to, cb)),
  unlink: (path) => voidCall((cb) => fs.unlink(path, cb)),
  mkdir: (dir, mode) => voidCall((cb) => fs.mkdir(dir, { recursive: true, mode }, (err) => cb(err))),
  readdir: (dir) =>
    new Promise((resolve, reject) =>
      fs.readdir(dir, (err, names) => {
        if (err === null) resolve(names)
        else if (err.code === 'ENOENT') resolve([])
        else reject(err)
      }),
    ),
  async writeFileAtomic(path, data, mode) {
    const tmp = `${path}.${process.pid}.tmp`
    await voidCall((cb) => fs.writeFile(tmp, data, { mode }, cb))
    await fsyncPath(tmp)
    await voidCall((cb) => fs.rename(tmp, path, cb))
  },
  readFile: (path) =>
    new Promise((resolve, reject) =>
      fs.readFile(path, 'utf8', (err, text) => {
        if (err === null) resolve(text)
        else if (err.code === 'ENOENT') resolve(null)
        else reject(err)
      }),
    ),
  async gzip(from, to) {
    const input = fs.createReadStream(from)
    const output = fs.createWriteStream(to, { mode: 0o600 })
    await pipeline(input, createGzip({ level: 6 }), output)
    await fsyncPath(to)
    return { bytesIn: input.bytesRead, bytesOut: output.bytesWritten }
  },
}
