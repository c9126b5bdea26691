import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared.js'

// Three builds into dist/, each cleaning only its own files so they can run side by side:
// - the library (index.js ESM, index.cjs, index.d.ts);
// - the CLI bin as CommonJS (cli.cjs): Node starts a CommonJS entry measurably faster than an ES
//   module (scripts/bench-startup.mjs), and every `od` call pays that start;
// - the daemon entry (daemon.js, ESM).
export default defineConfig([
  packageBuild({ index: 'src/index.ts' }, { clean: ['index.*'] }),
  packageBuild(
    { cli: 'src/bin/cli.ts' },
    { format: ['cjs'], dts: false, shims: true, treeshake: false, clean: ['cli.*'] },
  ),
  packageBuild({ daemon: 'src/bin/daemon.ts' }, { format: ['esm'], dts: false, clean: ['daemon.*'] }),
])
