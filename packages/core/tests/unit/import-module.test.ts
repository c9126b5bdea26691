import { afterEach, describe, expect, it } from 'vitest'
import { IMPORT_HOOK, importModule } from '../../src/import-module.js'

const globals = globalThis as Record<symbol, unknown>

afterEach(() => {
  delete globals[IMPORT_HOOK]
})

describe('importModule', () => {
  it('imports with the plain import() when no loader registered a hook', async () => {
    const os = await importModule('node:os')
    expect(typeof os['cpus']).toBe('function')
  })

  it('goes through the hook the CLI loader registers', async () => {
    const asked: string[] = []
    globals[IMPORT_HOOK] = (specifier: string) => {
      asked.push(specifier)
      return Promise.resolve({ answer: 42 })
    }
    expect(await importModule('file:///srv/app/ecosystem.config.mjs')).toEqual({ answer: 42 })
    expect(asked).toEqual(['file:///srv/app/ecosystem.config.mjs'])
  })

  it('rejects like import() for a module that does not exist', async () => {
    await expect(importModule('node:no-such-module')).rejects.toThrow()
  })
})
