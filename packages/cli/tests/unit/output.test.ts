import { describe, expect, it } from 'vitest'
import { createOutput, type OutputMode } from '../../src/output.js'
import type { SpinnerTimers } from '../../src/ui/spinner.js'
import { capture } from '../support/fake-io.js'

const plain: OutputMode = { json: false, quiet: false, verbose: false, color: true }

function setup(
  mode: Partial<OutputMode> = {},
  options: { tty?: boolean; env?: Record<string, string> } = {},
) {
  const stdout = capture({ isTTY: options.tty ?? false, columns: 40 })
  const stderr = capture({ isTTY: options.tty ?? false })
  const out = createOutput({ stdout, stderr, env: options.env ?? {}, mode: { ...plain, ...mode } })
  return { out, stdout, stderr }
}

describe('createOutput', () => {
  it('writes data to stdout', () => {
    const { out, stdout } = setup()
    out.write('a')
    out.line('b')
    out.line()
    expect(stdout.text).toBe('ab\n\n')
  })

  it('prints JSON with two-space indentation and a newline, null for undefined', () => {
    const { out, stdout } = setup()
    out.json({ version: '0.1.0', node: 'v20' })
    out.json(undefined)
    expect(stdout.text).toBe('{\n  "version": "0.1.0",\n  "node": "v20"\n}\nnull\n')
  })

  it('prints info and success on stdout, warn and error on stderr', () => {
    const { out, stdout, stderr } = setup()
    out.info('note')
    out.success('done')
    out.warn('careful')
    out.error('broken')
    expect(stdout.text).toBe('note\n✔ done\n')
    expect(stderr.text).toBe('warning: careful\nerror: broken\n')
  })

  it('drops info, success and warnings with --quiet but keeps errors', () => {
    const { out, stdout, stderr } = setup({ quiet: true })
    out.info('note')
    out.success('done')
    out.warn('careful')
    out.error('broken')
    expect(stdout.text).toBe('')
    expect(stderr.text).toBe('error: broken\n')
  })

  it('moves info and success to stderr with --json so stdout stays parseable', () => {
    const { out, stdout, stderr } = setup({ json: true })
    out.info('note')
    out.success('done')
    out.warn('careful', 'OD_VERSION_MISMATCH')
    out.warn('uncoded')
    out.json([])
    expect(stdout.text).toBe('[]\n')
    expect(stderr.text).toBe(
      'note\n✔ done\n{"warning":{"code":"OD_VERSION_MISMATCH","message":"careful"}}\n{"warning":{"code":null,"message":"uncoded"}}\n',
    )
  })

  it('prints debug lines only with --verbose', () => {
    const quiet = setup()
    quiet.out.debug('detail')
    expect(quiet.stderr.text).toBe('')
    const verbose = setup({ verbose: true })
    verbose.out.debug('detail')
    expect(verbose.stderr.text).toBe('debug: detail\n')
  })

  it('colours messages on a TTY unless --no-color', () => {
    const coloured = setup({}, { tty: true })
    coloured.out.error('x')
    expect(coloured.stderr.text).toBe('\u001b[31m\u001b[1merror:\u001b[22m\u001b[39m x\n')
    expect(coloured.out.colors.enabled).toBe(true)
    expect(coloured.out.isTTY).toBe(true)
    const off = setup({ color: false }, { tty: true })
    off.out.error('x')
    expect(off.stderr.text).toBe('error: x\n')
  })

  it('renders tables from rows and column keys or specs', () => {
    const { out, stdout } = setup()
    const rows = [
      { id: 0, name: 'api', pid: 42, meta: { a: 1 }, gone: null },
      { id: 1, name: 'worker', pid: undefined, meta: 'x', gone: true },
    ]
    out.table(rows, [
      'id',
      { key: 'name', header: 'NAME', align: 'center', minWidth: 3, maxWidth: 10 },
      { key: 'pid', align: 'right', format: (v) => (v === undefined ? '-' : String(v)) },
      'meta',
      'gone',
    ])
    expect(stdout.text.split('\n')).toEqual([
      '┌────┬────────┬─────┬─────────┬──────┐',
      '│ id │  NAME  │ pid │ meta    │ gone │',
      '├────┼────────┼─────┼─────────┼──────┤',
      '│ 0  │  api   │  42 │ {"a":1} │      │',
      '│ 1  │ worker │   - │ x       │ true │',
      '└────┴────────┴─────┴─────────┴──────┘',
      '',
    ])
  })

  it('fits tables to the terminal width on a TTY', () => {
    const { out, stdout } = setup({}, { tty: true, env: { NO_COLOR: '1' } })
    expect(out.columns).toBe(40)
    out.table([{ text: 'x'.repeat(100) }], ['text'])
    expect(stdout.text.split('\n')[3]).toBe(`│ ${'x'.repeat(35)}… │`)
  })

  it('takes the width from COLUMNS when stdout is not a TTY, and is unlimited otherwise', () => {
    expect(setup({}, { env: { COLUMNS: '100' } }).out.columns).toBe(100)
    expect(setup({}, { env: { COLUMNS: 'wide' } }).out.columns).toBeUndefined()
    expect(setup().out.columns).toBeUndefined()
  })

  it('gives a spinner that draws on a TTY and stays silent otherwise', () => {
    const calls: number[] = []
    const timers: SpinnerTimers<number> = { setTimeout: () => calls.push(1), clearTimeout: () => undefined }
    const stderr = capture({ isTTY: true })
    const tty = createOutput({ stdout: capture(), stderr, env: {}, mode: plain, timers })
    tty.spinner().start('working')
    expect(stderr.text).toContain('working')
    for (const mode of [{ quiet: true }, { json: true }]) {
      const silent = capture({ isTTY: true })
      createOutput({ stdout: capture(), stderr: silent, env: {}, mode: { ...plain, ...mode }, timers })
        .spinner()
        .start('working')
      expect(silent.text).toBe('')
    }
    const { out, stderr: piped } = setup()
    const spinner = out.spinner()
    spinner.start('working')
    spinner.stop()
    expect(piped.text).toBe('')
  })
})
