import { describe, expect, it } from 'vitest'
import { resolveLaunch, typeStripping, type LaunchEnv, type LaunchRequest } from '../../src/interpreter.js'
import type { FileInfo } from '../../src/path-lookup.js'

const file = (executable = false): FileInfo => ({ kind: 'file', executable })
const files: Record<string, FileInfo> = {
  '/srv/app.js': file(),
  '/srv/app.mjs': file(),
  '/srv/app.ts': file(),
  '/srv/app.tsx': file(),
  '/srv/job.py': file(),
  '/srv/run.sh': file(),
  '/srv/task.rb': file(),
  '/srv/page.php': file(),
  '/srv/tool.pl': file(),
  '/srv/bin/server': file(true),
  '/srv/data.txt': file(),
  '/srv/my app.js': file(),
  '/srv/lib': { kind: 'directory', executable: true },
  '/srv/fifo': { kind: 'other', executable: false },
  '/opt/py/bin/python': file(true),
  '/srv/notes.md': file(),
}
const onPath: Record<string, string> = {
  python3: '/usr/bin/python3',
  bash: '/usr/bin/bash',
  ruby: '/usr/bin/ruby',
  php: '/usr/bin/php',
  perl: '/usr/bin/perl',
  bun: '/usr/local/bin/bun',
  deno: '/usr/local/bin/deno',
  tsx: '/usr/local/bin/tsx',
  'redis-server': '/usr/bin/redis-server',
}
const env = (nodeVersion = '24.1.0'): LaunchEnv => ({
  stat: (path) => files[path] ?? null,
  which: (name) => onPath[name] ?? null,
  execPath: '/usr/local/bin/node',
  nodeVersion,
})
const req = (script: string, extra: Partial<LaunchRequest> = {}): LaunchRequest => ({
  script,
  args: [],
  interpreter: null,
  interpreterArgs: [],
  shell: false,
  cwd: '/srv',
  ...extra,
})
const failure = (fn: () => unknown): { code?: string; message: string } => {
  try {
    fn()
  } catch (err) {
    return err as { code?: string; message: string }
  }
  throw new Error('expected a failure')
}

describe('typeStripping', () => {
  it('knows which Node versions strip types, and how', () => {
    expect(
      ['20.20.2', '22.5.1', '22.6.0', '22.17.9', '22.18.0', '23.5.0', '23.6.0', '24.0.0'].map(typeStripping),
    ).toEqual(['none', 'none', 'flag', 'flag', 'default', 'flag', 'default', 'default'])
  })
})

describe('resolveLaunch: by extension', () => {
  it('runs .js with the daemons node, with an IPC channel', () => {
    expect(
      resolveLaunch(req('app.js', { args: ['--port', '80'], interpreterArgs: ['--inspect'] }), env()),
    ).toEqual({
      command: '/usr/local/bin/node',
      args: ['--inspect', '/srv/app.js', '--port', '80'],
      interpreter: 'node',
      ipc: true,
    })
    expect(resolveLaunch(req('app.mjs'), env()).command).toBe('/usr/local/bin/node')
  })

  it('runs .ts natively where Node strips types by default', () => {
    expect(resolveLaunch(req('app.ts'), env('23.6.0')).args).toEqual(['/srv/app.ts'])
  })

  it('adds --experimental-strip-types on Node 22.6 to 23.5', () => {
    expect(resolveLaunch(req('app.ts'), env('22.6.0')).args).toEqual([
      '--experimental-strip-types',
      '/srv/app.ts',
    ])
  })

  it('explains the fixes for .ts on an older Node', () => {
    const err = failure(() => resolveLaunch(req('app.ts'), env('20.20.2')))
    expect(err.code).toBe('OD_INTERPRETER_NOT_FOUND')
    expect(err.message).toBe(
      'Interpreter "node" is not available. Node 20.20.2 cannot run TypeScript (.ts). Install tsx and use --interpreter tsx, or use Node ≥ 22.6.',
    )
  })

  it('explains that .tsx needs tsx or bun', () => {
    expect(failure(() => resolveLaunch(req('app.tsx'), env())).message).toMatch(
      /cannot run \.tsx files\. Install tsx/,
    )
  })

  it('maps .py, .sh, .rb, .php and .pl to their interpreters on PATH', () => {
    const commands = ['job.py', 'run.sh', 'task.rb', 'page.php', 'tool.pl'].map((s) =>
      resolveLaunch(req(s), env()),
    )
    expect(commands.map((c) => [c.command, c.interpreter, c.ipc])).toEqual([
      ['/usr/bin/python3', 'python3', false],
      ['/usr/bin/bash', 'bash', false],
      ['/usr/bin/ruby', 'ruby', false],
      ['/usr/bin/php', 'php', false],
      ['/usr/bin/perl', 'perl', false],
    ])
    expect(commands[0]?.args).toEqual(['/srv/job.py'])
  })

  it('names the missing interpreter for an extension', () => {
    const err = failure(() => resolveLaunch(req('job.py'), { ...env(), which: () => null }))
    expect(err.code).toBe('OD_INTERPRETER_NOT_FOUND')
    expect(err.message).toMatch(
      /^Interpreter "python3" is not available\. It runs \.py files but it is not on PATH\./,
    )
  })

  it('runs an executable file without extension directly', () => {
    expect(resolveLaunch(req('bin/server', { args: ['-v'] }), env())).toEqual({
      command: '/srv/bin/server',
      args: ['-v'],
      interpreter: 'none',
      ipc: false,
    })
  })

  it('finds a bare command on PATH', () => {
    expect(resolveLaunch(req('redis-server'), env()).command).toBe('/usr/bin/redis-server')
    expect(resolveLaunch(req('redis-server', { interpreter: 'none' }), env()).command).toBe(
      '/usr/bin/redis-server',
    )
  })
})

describe('resolveLaunch: bad scripts', () => {
  it('reports a missing script with its resolved path', () => {
    const err = failure(() => resolveLaunch(req('nope.js'), env()))
    expect(err.code).toBe('OD_SCRIPT_NOT_FOUND')
    expect(err.message).toMatch(/^Script \/srv\/nope\.js does not exist/)
    expect(failure(() => resolveLaunch(req('./redis-server'), env())).code).toBe('OD_SCRIPT_NOT_FOUND')
    expect(failure(() => resolveLaunch(req('redis-server', { interpreter: 'node' }), env())).code).toBe(
      'OD_SCRIPT_NOT_FOUND',
    )
  })

  it('reports a directory', () => {
    const err = failure(() => resolveLaunch(req('lib'), env()))
    expect(err.code).toBe('OD_SCRIPT_IS_DIRECTORY')
    expect(err.message).toBe(
      '/srv/lib is a directory, not a script. Point at the file to run (for example /srv/lib/index.js).',
    )
    expect(failure(() => resolveLaunch(req('lib', { interpreter: 'python3' }), env())).code).toBe(
      'OD_SCRIPT_IS_DIRECTORY',
    )
  })

  it('reports a non-executable file with no known interpreter', () => {
    const err = failure(() => resolveLaunch(req('data.txt'), env()))
    expect(err.code).toBe('OD_SCRIPT_NOT_EXECUTABLE')
    expect(err.message).toMatch(/Run `chmod \+x \/srv\/data\.txt` or pass --interpreter <name>\./)
  })

  it('reports a special file', () => {
    expect(failure(() => resolveLaunch(req('fifo'), env())).code).toBe('OD_SCRIPT_NOT_EXECUTABLE')
    expect(failure(() => resolveLaunch(req('fifo', { interpreter: 'none' }), env())).code).toBe(
      'OD_SCRIPT_NOT_EXECUTABLE',
    )
  })

  it('interpreter none needs an executable', () => {
    expect(failure(() => resolveLaunch(req('app.js', { interpreter: 'none' }), env())).code).toBe(
      'OD_SCRIPT_NOT_EXECUTABLE',
    )
  })
})

describe('resolveLaunch: --interpreter', () => {
  it('node uses the daemons node, with type stripping for .ts', () => {
    expect(resolveLaunch(req('notes.md', { interpreter: 'node' }), env()).command).toBe('/usr/local/bin/node')
    expect(resolveLaunch(req('app.ts', { interpreter: 'node' }), env('22.10.0')).args).toEqual([
      '--experimental-strip-types',
      '/srv/app.ts',
    ])
  })

  it('bun runs the script with its flags', () => {
    expect(
      resolveLaunch(req('app.ts', { interpreter: 'bun', interpreterArgs: ['--smol'], args: ['x'] }), env()),
    ).toEqual({
      command: '/usr/local/bin/bun',
      args: ['--smol', '/srv/app.ts', 'x'],
      interpreter: 'bun',
      ipc: false,
    })
  })

  it('deno runs with "run -A"', () => {
    expect(resolveLaunch(req('app.ts', { interpreter: 'deno' }), env()).args).toEqual([
      'run',
      '-A',
      '/srv/app.ts',
    ])
  })

  it('tsx from PATH runs .tsx', () => {
    expect(resolveLaunch(req('app.tsx', { interpreter: 'tsx' }), env()).command).toBe('/usr/local/bin/tsx')
  })

  it('a path to an interpreter, relative to cwd', () => {
    expect(resolveLaunch(req('job.py', { interpreter: '/opt/py/bin/python' }), env()).command).toBe(
      '/opt/py/bin/python',
    )
    expect(resolveLaunch(req('job.py', { interpreter: '../opt/py/bin/python' }), env()).command).toBe(
      '/opt/py/bin/python',
    )
  })

  it('rejects an interpreter path that is not executable', () => {
    const err = failure(() => resolveLaunch(req('job.py', { interpreter: './data.txt' }), env()))
    expect(err.code).toBe('OD_INTERPRETER_NOT_FOUND')
    expect(err.message).toMatch(/\/srv\/data\.txt is not an executable file/)
    expect(failure(() => resolveLaunch(req('job.py', { interpreter: '/nope/python' }), env())).code).toBe(
      'OD_INTERPRETER_NOT_FOUND',
    )
  })

  it('rejects an unknown interpreter not on PATH', () => {
    const err = failure(() => resolveLaunch(req('app.js', { interpreter: 'nodez' }), env()))
    expect(err.code).toBe('OD_INTERPRETER_NOT_FOUND')
    expect(err.message).toMatch(
      /^Interpreter "nodez" is not available\. --interpreter nodez was given but it is not on PATH\./,
    )
  })
})

describe('resolveLaunch: shell', () => {
  it('runs a command line with spaces through /bin/sh -c, quoting args', () => {
    expect(resolveLaunch(req('python3 -m http.server', { args: ['8000', "it's"] }), env())).toEqual({
      command: '/bin/sh',
      args: ['-c', `python3 -m http.server 8000 'it'\\''s'`],
      interpreter: 'sh',
      ipc: false,
    })
  })

  it('runs a file whose name has a space as a file', () => {
    expect(resolveLaunch(req('my app.js'), env()).args).toEqual(['/srv/my app.js'])
  })

  it('shell: true always uses the shell', () => {
    expect(resolveLaunch(req('echo hi', { shell: true }), env()).command).toBe('/bin/sh')
    expect(resolveLaunch(req('app.js', { shell: true }), env()).args).toEqual(['-c', 'app.js'])
  })

  it('never guesses a shell when an interpreter is given', () => {
    expect(failure(() => resolveLaunch(req('a b.py', { interpreter: 'python3' }), env())).code).toBe(
      'OD_SCRIPT_NOT_FOUND',
    )
  })
})
