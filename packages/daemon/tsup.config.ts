import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared.js'

// Two builds into dist/ side by side (the build script empties dist/ first: tsup's `clean` with a list of
// patterns still removes everything): the library (index.js, index.cjs,
// index.d.ts) and the runnable entry (main.js) used by the spawned-process tests.
export default defineConfig([
  packageBuild({ index: 'src/index.ts' }, { clean: false }),
  packageBuild({ main: 'src/bin/main.ts' }, { format: ['esm'], dts: false, clean: false }),
])
