// Module hooks that let a plain `node` child run this repository's TypeScript sources (Node 20 cannot
// strip types): `.ts` files are compiled with the repository's typescript, and the `.js` suffixes of
// relative imports are mapped to the `.ts` files beside them. Registered by register-ts-hooks.mjs.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const ts = createRequire(import.meta.url)('typescript')

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context)
  } catch (err) {
    const fromTs = context.parentURL !== undefined && context.parentURL.endsWith('.ts')
    if (fromTs && specifier.startsWith('.') && specifier.endsWith('.js')) {
      return next(`${specifier.slice(0, -3)}.ts`, context)
    }
    throw err
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context)
  const fileName = fileURLToPath(url)
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  })
  return { format: 'module', source: outputText, shortCircuit: true }
}
