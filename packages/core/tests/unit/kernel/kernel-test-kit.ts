// Shared fixtures for the kernel unit tests: a fake clock, a captured log, every emitted event,
// and small plugin factories.
import {
  createFakeClock,
  createKernel,
  createLogger,
  definePlugin,
  resolvePaths,
  type KernelOptions,
  type Plugin,
} from '../../../src/index.js'

declare module '../../../src/plugins/hooks.js' {
  interface HookMap {
    'test:double': { payload: number; result: number }
    'test:other': { payload: string; result: string }
  }
}

export const testPaths = resolvePaths({ OD_HOME: '/tmp/od-kernel-test' }, '/home/test')

/** A plugin with an empty install; `extra` overrides any field. */
export function plugin(name: string, extra: Partial<Plugin> = {}): Plugin {
  return definePlugin({
    name,
    version: '1.0.0',
    description: `${name} plugin`,
    install: () => undefined,
    ...extra,
  })
}

/** A plugin whose lifecycle steps append `<name>:<step>` to `log`. */
export function tracedPlugin(name: string, log: string[], extra: Partial<Plugin> = {}): Plugin {
  return plugin(name, {
    install: () => void log.push(`${name}:install`),
    onStart: () => void log.push(`${name}:onStart`),
    onReady: () => void log.push(`${name}:onReady`),
    onStop: () => void log.push(`${name}:onStop`),
    ...extra,
  })
}

export interface SeenEvent {
  readonly event: string
  readonly data: Record<string, unknown>
}

/** A kernel on a fake clock with a trace-level captured log and a record of every event. */
export function setup(plugins: readonly Plugin[], options: Partial<KernelOptions> = {}) {
  const clock = createFakeClock(1_000)
  const lines: string[] = []
  const logger = createLogger({ level: 'trace', sink: (line) => lines.push(line), clock })
  const kernel = createKernel({ paths: testPaths, plugins, clock, logger, pid: 4242, ...options })
  const seen: SeenEvent[] = []
  kernel.events.on(
    '*',
    (data, event) => void seen.push({ event, data: data as unknown as Record<string, unknown> }),
  )
  const events = (event: string) => seen.filter((e) => e.event === event).map((e) => e.data)
  const names = (event: string) => events(event).map((data) => data['name'])
  const eventNames = () => seen.map((e) => e.event)
  return { kernel, clock, lines, seen, events, names, eventNames }
}

/** Resolves with the rejection of `promise` (fails if it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code?: string; message: string; cause?: unknown }> {
  try {
    await promise
  } catch (error) {
    return error as { code?: string; message: string; cause?: unknown }
  }
  throw new Error('expected the promise to reject')
}
