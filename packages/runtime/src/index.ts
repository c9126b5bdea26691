/**
 * @module opendaemon-runtime
 *
 * In-app helpers for processes running under OpenDaemon (ready signal, health reporting, custom
 * metrics). Placeholder: the runtime lands with its own task (TASKS.md T103).
 */
export {}
