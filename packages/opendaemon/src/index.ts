/**
 * @module opendaemon
 * OpenDaemon, a zero-dependency process manager for Node.js and any other runtime. Installing this
 * package gives the `opendaemon` command (run `opendaemon shim` to also get `od`), the daemon with its
 * built-in plugins, and this library surface.
 */
export { VERSION } from '@opendaemon/core'
