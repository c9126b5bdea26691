import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared.js'

// Two builds into dist/, each cleaning only its own files: the library (index.js, index.cjs,
// index.d.ts) and the runnable entry (main.js) used by the spawned-process tests.
export default defineConfig([
  packageBuild({ index: 'src/index.ts' }, { clean: ['index.*'] }),
  packageBuild({ main: 'src/bin/main.ts' }, { format: ['esm'], dts: false, clean: ['main.*'] }),
])
