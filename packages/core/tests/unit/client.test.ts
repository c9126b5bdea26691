import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as client from '../../src/client.js'
import * as core from '../../src/index.js'

describe('@opendaemon/core/client', () => {
  it('re-exports the same values as the full barrel', () => {
    for (const [name, value] of Object.entries(client)) {
      expect(core[name as keyof typeof core], name).toBe(value)
    }
  })

  it('holds the client side only: no kernel, no schema validator, no IPC server', () => {
    expect(Object.keys(client)).toEqual(
      expect.arrayContaining(['connectClient', 'createEventBus', 'DaemonError']),
    )
    for (const name of ['createKernel', 'validate', 'createIpcServer', 'ensureToken', 'verifyHmac']) {
      expect(client, name).not.toHaveProperty(name)
    }
  })

  it('loads neither node:crypto nor node:fs/promises (the built entry, from a script file: `node -e` loads crypto itself)', () => {
    const dir = mkdtempSync('/tmp/od-')
    try {
      const probe = join(dir, 'probe.cjs')
      const entry = join(__dirname, '..', '..', 'dist', 'client.cjs')
      writeFileSync(
        probe,
        `const seen = new Set(process.moduleLoadList)
        require(${JSON.stringify(entry)})
        const loaded = process.moduleLoadList.filter((m) => !seen.has(m))
        process.stdout.write(JSON.stringify(loaded))`,
      )
      const run = spawnSync(process.execPath, [probe], { encoding: 'utf8' })
      expect(run.status, run.stderr).toBe(0)
      const loaded = JSON.parse(run.stdout) as string[]
      expect(loaded).toContain('NativeModule net')
      expect(loaded).not.toContain('NativeModule crypto')
      expect(loaded).not.toContain('NativeModule fs/promises')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
