import { mergeConfig } from 'vitest/config'
import { packageConfig } from '../../vitest.shared.js'

// The integration tests pack, install and run the built package: run the files one after another so no
// test reads dist/ or the npm cache while another writes them.
export default mergeConfig(packageConfig({ lines: 100, branches: 100, functions: 100, statements: 100 }), {
  test: { fileParallelism: false },
})
