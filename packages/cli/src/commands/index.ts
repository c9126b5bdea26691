import type { CommandTable } from '../command-table.js'

/**
 * Every top-level command: name → lazy loader (and aliases, so `od ls` resolves without loading the
 * other commands). The bin imports only the module of the command it runs. A command's file declares
 * the same name and aliases; a unit test checks that they agree.
 */
export const builtinCommands = {
  daemon: { load: () => import('./daemon.js') },
  help: { load: () => import('./help.js') },
  kill: { load: () => import('./kill.js') },
  ping: { load: () => import('./ping.js') },
  plugin: { aliases: ['plugins'], load: () => import('./plugin.js') },
  shim: { load: () => import('./shim.js') },
  version: { load: () => import('./version.js') },
} as const satisfies CommandTable

/** The name of a built-in command. */
export type BuiltinCommandName = keyof typeof builtinCommands
