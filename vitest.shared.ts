// Shared Vitest settings: every package's vitest.config.ts calls packageConfig() with its own thresholds.
// Workspace packages resolve through their `source` export condition, so tests run on TypeScript sources
// without building dependencies first.
import { defineConfig } from 'vitest/config'

export interface Thresholds {
  lines: number
  branches: number
  functions: number
  statements: number
}

const conditions = ['source', 'import', 'module', 'node', 'default']

export function packageConfig(thresholds: Thresholds, extraExclude: string[] = []) {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['source'] } },
    test: {
      include: ['tests/**/*.test.ts'],
      pool: 'forks',
      testTimeout: 30_000,
      hookTimeout: 30_000,
      passWithNoTests: false,
      coverage: {
        provider: 'v8',
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.d.ts', 'src/bin/**', ...extraExclude],
        reporter: ['text-summary', 'json-summary'],
        thresholds,
      },
    },
  })
}
