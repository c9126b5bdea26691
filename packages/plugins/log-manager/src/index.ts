/**
 * @module
 * Placeholder until its issue lands: this plugin package is planned in TASKS.md.
 */
export {}
