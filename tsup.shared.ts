// Shared tsup settings: ESM + CJS + .d.ts for every package. Workspace packages (@opendaemon/*) are bundled
// from their TypeScript sources, so published packages carry no runtime dependency.
import type { Options } from 'tsup'

export function packageBuild(entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: { resolve: [/^@opendaemon\//] },
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    noExternal: [/^@opendaemon\//],
    esbuildOptions(options) {
      options.conditions = ['source']
    },
    ...extra,
  }
}
