// An in-memory LogFs with POSIX-like inodes (an open descriptor keeps an unlinked file alive) and
// failure injection per operation, for unit tests of the writer, rotation and retention.
import { dirname } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { LogFs } from '../../src/write/log-fs.js'

interface Inode {
  ino: number
  data: Buffer
  mode: number
}

type Op = keyof LogFs

export interface MemoryFs extends LogFs {
  files: Map<string, Inode>
  dirs: Set<string>
  /** Makes the next calls of `op` fail with `code` (until cleared with `null`). */
  failWith(op: Op, code: string | null): void
  text(path: string): string
  /** Opens descriptors. */
  openCount(): number
  calls: Record<string, number>
  /** writev calls write at most this many bytes (short writes). */
  maxWrite: number
}

function errno(code: string, op: string, path = ''): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`${code}: ${op} ${path}`)
  err.code = code
  return err
}

export function createMemoryFs(): MemoryFs {
  const files = new Map<string, Inode>()
  const dirs = new Set<string>(['/'])
  const fds = new Map<number, Inode>()
  const failing = new Map<Op, string>()
  const calls: Record<string, number> = {}
  let nextIno = 1
  let nextFd = 10

  const guard = (op: Op, path = ''): void => {
    calls[op] = (calls[op] ?? 0) + 1
    const code = failing.get(op)
    if (code !== undefined) throw errno(code, op, path)
  }
  const needDir = (path: string, op: string): void => {
    if (!dirs.has(dirname(path))) throw errno('ENOENT', op, path)
  }
  const inode = (fd: number): Inode => {
    const node = fds.get(fd)
    if (node === undefined) throw errno('EBADF', 'fd')
    return node
  }

  const fs: MemoryFs = {
    files,
    dirs,
    calls,
    maxWrite: Infinity,
    failWith(op, code) {
      if (code === null) failing.delete(op)
      else failing.set(op, code)
    },
    text: (path) => files.get(path)?.data.toString() ?? '',
    openCount: () => fds.size,
    async open(path, mode) {
      guard('open', path)
      needDir(path, 'open')
      let node = files.get(path)
      if (node === undefined) {
        node = { ino: nextIno++, data: Buffer.alloc(0), mode }
        files.set(path, node)
      }
      const fd = nextFd++
      fds.set(fd, node)
      return fd
    },
    async writev(fd, buffers) {
      guard('writev')
      const node = inode(fd)
      const all = Buffer.concat(buffers)
      const n = Math.min(all.length, fs.maxWrite)
      node.data = Buffer.concat([node.data, all.subarray(0, n)])
      return n
    },
    async fstat(fd) {
      guard('fstat')
      const node = inode(fd)
      const linked = [...files.values()].includes(node)
      return { size: node.data.length, nlink: linked ? 1 : 0, ino: node.ino }
    },
    async stat(path) {
      guard('stat', path)
      const node = files.get(path)
      if (node !== undefined) return { size: node.data.length, ino: node.ino }
      return dirs.has(path) ? { size: 0, ino: 0 } : null
    },
    async close(fd) {
      guard('close')
      inode(fd)
      fds.delete(fd)
    },
    async fsync(fd) {
      guard('fsync')
      inode(fd)
    },
    async ftruncate(fd, length) {
      guard('ftruncate')
      const node = inode(fd)
      node.data = node.data.subarray(0, length)
    },
    async rename(from, to) {
      guard('rename', from)
      const node = files.get(from)
      if (node === undefined) throw errno('ENOENT', 'rename', from)
      needDir(to, 'rename')
      files.delete(from)
      files.set(to, node)
    },
    async unlink(path) {
      guard('unlink', path)
      if (!files.delete(path)) throw errno('ENOENT', 'unlink', path)
    },
    async mkdir(dir) {
      guard('mkdir', dir)
      for (let d = dir; d !== '/' && !dirs.has(d); d = dirname(d)) dirs.add(d)
    },
    async readdir(dir) {
      guard('readdir', dir)
      return [...files.keys()].filter((p) => dirname(p) === dir).map((p) => p.slice(dir.length + 1))
    },
    async writeFileAtomic(path, data, mode) {
      guard('writeFileAtomic', path)
      needDir(path, 'writeFileAtomic')
      files.set(path, { ino: nextIno++, data: Buffer.from(data), mode })
    },
    async readFile(path) {
      guard('readFile', path)
      return files.get(path)?.data.toString() ?? null
    },
    async gzip(from, to) {
      guard('gzip', from)
      const node = files.get(from)
      if (node === undefined) throw errno('ENOENT', 'gzip', from)
      const data = gzipSync(node.data)
      files.set(to, { ino: nextIno++, data, mode: 0o600 })
      return { bytesIn: node.data.length, bytesOut: data.length }
    },
  }
  return fs
}

export const gunzipText = (data: Buffer): string => gunzipSync(data).toString()
