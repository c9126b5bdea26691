import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../../src/errors/codes.js'
import { renderErrorDocs } from '../../../src/errors/error-docs.js'

const docsPath = fileURLToPath(new URL('../../../../../docs/errors.md', import.meta.url))

describe('renderErrorDocs', () => {
  it('shows each code with its wire code, exit code and message template', () => {
    const markdown = renderErrorDocs(errorCodes)
    expect(markdown).toContain(
      '| `OD_PLUGIN_DEPENDENCY_MISSING` | 2002 | 1 | Plugin "<plugin>" needs "<dep>", which is not installed or is disabled. |',
    )
    expect(markdown).toContain('| `OD_DAEMON_SHUTTING_DOWN` | 1005 | 3 |')
  })

  it('escapes pipes in messages so the table stays intact', () => {
    const table = { OD_X: { rpc: 1, exit: 1, message: () => 'a | b' } } as unknown as typeof errorCodes
    expect(renderErrorDocs(table)).toContain('| `OD_X` | 1 | 1 | a \\| b |')
  })

  it('calls a builder that is not an arrow function without arguments', () => {
    const message = function (this: void): string {
      return 'plain'
    }
    const table = { OD_Y: { rpc: 2, exit: 1, message } } as unknown as typeof errorCodes
    expect(renderErrorDocs(table)).toContain('| `OD_Y` | 2 | 1 | plain |')
  })

  it('docs/errors.md matches the error table (UPDATE_ERROR_DOCS=1 rewrites it)', () => {
    const expected = renderErrorDocs(errorCodes)
    if (process.env['UPDATE_ERROR_DOCS'] === '1') writeFileSync(docsPath, expected)
    expect(readFileSync(docsPath, 'utf8')).toBe(expected)
  })
})
