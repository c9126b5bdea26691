import { describe, expect, it } from 'vitest'
import { normalizeAppSpec, type AppSpecContext } from '../../src/app-spec.js'

const dirs = new Set(['/srv', '/srv/app', '/srv/app/sub'])
const ctx: AppSpecContext = {
  baseCwd: '/srv/app',
  cpuCount: 4,
  statKind: (path) => (dirs.has(path) ? 'directory' : path === '/srv/app/file' ? 'file' : null),
}
const spec = (input: Record<string, unknown>) => normalizeAppSpec({ script: 'server.js', ...input }, ctx)
const code = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (err) {
    return (err as { code?: string }).code
  }
  return undefined
}

describe('normalizeAppSpec: defaults', () => {
  it('fills every default from a bare script', () => {
    const s = spec({})
    expect(s).toMatchObject({
      name: 'server',
      script: 'server.js',
      args: [],
      interpreter: null,
      interpreterArgs: [],
      shell: false,
      cwd: '/srv/app',
      env: {},
      instances: 1,
      namespace: 'default',
      tags: [],
      maxMemoryBytes: null,
      killTimeoutMs: 5000,
      killSignal: 'SIGTERM',
      waitReady: false,
      listenTimeoutMs: 3000,
      readyPattern: null,
      autostart: true,
    })
    expect(s.restart.autorestart).toBe('always')
    expect(s.os.uid).toBeNull()
  })

  it('derives the name from a path without its extension', () => {
    expect(spec({ script: './bin/worker.mjs' }).name).toBe('worker')
    expect(spec({ script: '/usr/bin/redis-server' }).name).toBe('redis-server')
  })

  it('names a command line after its program', () => {
    expect(spec({ script: 'python3 -m http.server 8000' }).name).toBe('python3')
    expect(spec({ script: 'ls', shell: true }).name).toBe('ls')
  })

  it('asks for --name when none can be derived', () => {
    expect(() => spec({ script: '123.js' })).toThrow(
      'name: cannot derive a process name from script "123.js". Pass --name. Use up to 100 letters',
    )
    expect(() => spec({ script: 'all.sh' })).toThrow(/cannot derive/)
    expect(() => spec({ script: 'ünï.js' })).toThrow(/cannot derive/)
    expect(() => spec({ script: '.hidden' })).toThrow(/cannot derive/)
    expect(() => spec({ script: 'echo "unclosed', shell: true })).toThrow(
      /cannot derive a process name from script "echo \"unclosed"/,
    )
  })
})

describe('normalizeAppSpec: identity and launch', () => {
  it('accepts a valid name and rejects unusable ones', () => {
    expect(spec({ name: 'api-v2@eu' }).name).toBe('api-v2@eu')
    for (const name of ['42', 'all', 'has space', '-dash', 'a/b']) {
      expect(() => spec({ name })).toThrow(`name: "${name}" is not a usable process name`)
    }
  })

  it('takes the script from PM2 and GoPM aliases', () => {
    expect(normalizeAppSpec({ exec: 'a.js' }, ctx).script).toBe('a.js')
    expect(normalizeAppSpec({ command: 'b.js' }, ctx).script).toBe('b.js')
  })

  it('requires a script', () => {
    expect(() => normalizeAppSpec({ name: 'x' }, ctx)).toThrow(
      'script: is missing. Name the script or binary to run.',
    )
  })

  it('requires an object', () => {
    expect(() => normalizeAppSpec('app.js', ctx)).toThrow(/^start request: expected an object, got "app.js"/)
    expect(() => normalizeAppSpec(null, ctx)).toThrow(/got null/)
    expect(() => normalizeAppSpec([], ctx)).toThrow(/got an array/)
  })

  it('splits string args and keeps array args', () => {
    expect(spec({ args: '--port 80 --msg "a b"' }).args).toEqual(['--port', '80', '--msg', 'a b'])
    expect(spec({ args: ['--port', 80] }).args).toEqual(['--port', '80'])
  })

  it('rejects malformed args', () => {
    expect(() => spec({ args: '"open' })).toThrow(
      'args: has an unclosed quote. Close the quote, or pass an array.',
    )
    expect(() => spec({ args: [{}] })).toThrow(/^args: expected a list of arguments, got an array/)
  })

  it('reads interpreter and node args under their PM2 names', () => {
    const s = spec({ exec_interpreter: ' bun ', node_args: '--max-old-space-size=512' })
    expect(s.interpreter).toBe('bun')
    expect(s.interpreterArgs).toEqual(['--max-old-space-size=512'])
  })

  it('refuses shell together with an interpreter', () => {
    expect(() => spec({ shell: true, interpreter: 'node' })).toThrow(
      /^interpreter: cannot be combined with shell: true/,
    )
  })

  it('resolves cwd against the caller and checks it is a directory', () => {
    expect(spec({ cwd: 'sub' }).cwd).toBe('/srv/app/sub')
    expect(spec({ cwd: '/srv' }).cwd).toBe('/srv')
    expect(() => spec({ cwd: 'missing' })).toThrow(
      'cwd: /srv/app/missing does not exist. Pass an existing directory with --cwd.',
    )
    expect(() => spec({ cwd: 'file' })).toThrow('cwd: /srv/app/file is not a directory.')
    expect(() => normalizeAppSpec({ script: 'a.js' }, { ...ctx, baseCwd: '/nope' })).toThrow(
      /^cwd: \/nope does not exist/,
    )
  })

  it('stringifies env values, JSON for objects (PM2)', () => {
    expect(spec({ env: { PORT: 3000, DEBUG: true, CFG: { a: 1 }, S: 'x' } }).env).toEqual({
      PORT: '3000',
      DEBUG: 'true',
      CFG: '{"a":1}',
      S: 'x',
    })
  })

  it('rejects bad env', () => {
    expect(() => spec({ env: 'A=1' })).toThrow(/^env: expected an object of variables, got "A=1"/)
    expect(() => spec({ env: ['A'] })).toThrow(/got an array/)
    expect(() => spec({ env: { 'A=B': '1' } })).toThrow('env.A=B: is not a valid variable name')
    expect(() => spec({ env: { '': '1' } })).toThrow('env.: is not a valid variable name')
    expect(() => spec({ env: { A: null } })).toThrow(
      'env.A: has no value (null). Give it a value, or leave it out.',
    )
  })
})

describe('normalizeAppSpec: instances', () => {
  it('takes numbers, numeric strings and max', () => {
    expect(spec({ instances: 3 }).instances).toBe(3)
    expect(spec({ instances: '2' }).instances).toBe(2)
    expect(spec({ instances: 'max' }).instances).toBe(4)
    expect(normalizeAppSpec({ script: 'a.js', instances: 'max' }, { ...ctx, cpuCount: 0 }).instances).toBe(1)
  })

  it('rejects 0, negative, fractional and other values with OD_INVALID_INSTANCES', () => {
    for (const instances of [0, -1, '-1', 1.5, 'abc', true]) {
      expect(code(() => spec({ instances }))).toBe('OD_INVALID_INSTANCES')
    }
    expect(() => spec({ instances: 0 })).toThrow(
      'instances: expected a positive integer or "max", got 0. Use -i 4, or -i max for one per CPU.',
    )
  })
})

describe('normalizeAppSpec: grouping', () => {
  it('reads namespace and tags', () => {
    const s = spec({ namespace: 'prod', tags: 'web, tier:front,web' })
    expect(s.namespace).toBe('prod')
    expect(s.tags).toEqual(['web', 'tier:front'])
  })

  it('rejects bad namespaces and tags', () => {
    expect(() => spec({ namespace: 'a b' })).toThrow('namespace: "a b" is not a valid namespace.')
    expect(() => spec({ tag: ['ok', 'not ok'] })).toThrow('tag: "not ok" is not a valid tag.')
  })
})

describe('normalizeAppSpec: limits and stop', () => {
  it('parses max memory from sizes and bytes, including PM2s max_memory_restart', () => {
    expect(spec({ maxMemory: '512M' }).maxMemoryBytes).toBe(512 * 1024 ** 2)
    expect(spec({ max_memory_restart: 1024 }).maxMemoryBytes).toBe(1024)
    expect(spec({ 'max-memory': '1G' }).maxMemoryBytes).toBe(1024 ** 3)
  })

  it('rejects max memory "abc" naming the key and the format', () => {
    expect(() => spec({ maxMemory: 'abc' })).toThrow(
      'maxMemory: "abc" is not a size. Use bytes or a number with K, M or G (for example 512M).',
    )
    expect(() => spec({ max_memory_restart: 0 })).toThrow(
      /^max_memory_restart: expected a size above 0, got 0/,
    )
    expect(() => spec({ maxMemory: true })).toThrow(/expected a size above 0, got true/)
  })

  it('parses kill timeout in ms or units and rejects -1', () => {
    expect(spec({ kill_timeout: 1600 }).killTimeoutMs).toBe(1600)
    expect(spec({ killTimeout: '10s' }).killTimeoutMs).toBe(10_000)
    expect(spec({ killTimeout: 0 }).killTimeoutMs).toBe(0)
    expect(() => spec({ killTimeout: -1 })).toThrow(
      /^killTimeout: expected a duration of 0 or more, got -1\./,
    )
    expect(() => spec({ 'kill-timeout': '-1' })).toThrow(
      /^kill-timeout: expected a duration of 0 or more, got "-1"/,
    )
  })

  it('normalizes the kill signal', () => {
    expect(spec({ killSignal: 'int' }).killSignal).toBe('SIGINT')
    expect(spec({ kill_signal: 'SIGQUIT' }).killSignal).toBe('SIGQUIT')
    expect(() => spec({ stopSignal: 'SIGNOPE' })).toThrow('stopSignal: "SIGNOPE" is not a signal.')
  })
})

describe('normalizeAppSpec: readiness and the rest', () => {
  it('reads readiness options', () => {
    const s = spec({
      wait_ready: true,
      listen_timeout: '10s',
      readyPattern: 'listening on \\d+',
      autostart: 'false',
    })
    expect(s).toMatchObject({
      waitReady: true,
      listenTimeoutMs: 10_000,
      readyPattern: 'listening on \\d+',
      autostart: false,
    })
  })

  it('rejects an invalid ready pattern', () => {
    expect(() => spec({ readyPattern: '(' })).toThrow(/^readyPattern: "\(" is not a valid regular expression/)
  })

  it('passes restart and OS options through', () => {
    const s = spec({ autorestart: 'on-failure', nice: 10 })
    expect(s.restart.autorestart).toBe('on-failure')
    expect(s.os.nice).toBe(10)
  })
})
