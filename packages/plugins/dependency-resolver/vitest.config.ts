import { packageConfig } from '../../../vitest.shared.js'

export default packageConfig({ lines: 100, branches: 100, functions: 100, statements: 100 })
