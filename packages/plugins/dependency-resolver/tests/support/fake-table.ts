// A process table for unit tests of the gate: apps with instance states that a test changes,
// firing the state-change listeners like `process:state` would.
import type { DependencyRef, ProcessStatus } from '@opendaemon/core'
import type { DependencyAppFacts, DependencyTable } from '@opendaemon/plugin-process-manager'

export interface FakeTable extends DependencyTable {
  /** Sets every instance of `name` to `status` and notifies the listeners. */
  set(
    name: string,
    status: ProcessStatus,
    more?: { restartPending?: boolean; exitCode?: number | null },
  ): void
  onStateChange(listener: () => void): () => void
  listeners(): number
}

type Deps = Record<string, (string | DependencyRef)[]>

export function fakeTable(
  spec: Deps,
  options: { timeoutMs?: number; status?: ProcessStatus } = {},
): FakeTable {
  const apps = new Map<string, DependencyAppFacts>()
  for (const [name, deps] of Object.entries(spec)) {
    apps.set(name, {
      name,
      dependencies: deps.map((d) => (typeof d === 'string' ? { name: d, condition: 'online' } : d)),
      dependencyTimeoutMs: options.timeoutMs ?? 60_000,
      instances: [{ status: options.status ?? 'created', restartPending: false, exitCode: null }],
    })
  }
  const listeners = new Set<() => void>()
  return {
    apps: () => [...apps.values()],
    set(name, status, more = {}) {
      const app = apps.get(name) as DependencyAppFacts
      apps.set(name, {
        ...app,
        instances: app.instances.map(() => ({
          status,
          restartPending: more.restartPending ?? false,
          exitCode: more.exitCode ?? null,
        })),
      })
      for (const listener of [...listeners]) listener()
    },
    onStateChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    listeners: () => listeners.size,
  }
}
