// `node --conditions=source --import ./register-ts-hooks.mjs …` runs workspace TypeScript sources.
import { register } from 'node:module'

register('./ts-hooks.mjs', import.meta.url)
