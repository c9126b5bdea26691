import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as FsPromises from 'node:fs/promises'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'

// Drives link(2) outcomes that a real file system only produces under races.
const linkBehaviour = vi.hoisted(() => ({ current: (_target: string): Promise<void> => Promise.resolve() }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  return { ...real, link: (_existing: string, target: string) => linkBehaviour.current(target) }
})

const { ensureToken } = await import('../../../src/ipc/auth.js')

let dir = ''
beforeEach(() => {
  dir = mkdtempSync('/tmp/od-')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('reports a failure to link the new token into place and removes the temporary file', async () => {
  linkBehaviour.current = () => Promise.reject(Object.assign(new Error('EPERM: link'), { code: 'EPERM' }))
  await expect(ensureToken(join(dir, 'auth-token'))).rejects.toMatchObject({ code: 'EPERM' })
  expect(readdirSync(dir)).toEqual([])
})

it('uses the token of a process that created the file first (link fails with EEXIST)', async () => {
  const theirs = 'f0'.repeat(32)
  linkBehaviour.current = (target) => {
    writeFileSync(target, theirs, { mode: 0o600 })
    return Promise.reject(Object.assign(new Error('EEXIST: link'), { code: 'EEXIST' }))
  }
  expect(await ensureToken(join(dir, 'auth-token'))).toEqual({ token: theirs, status: 'reused' })
  expect(readdirSync(dir)).toEqual(['auth-token'])
})
