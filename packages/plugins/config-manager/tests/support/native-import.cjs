// Node's own import(), out of reach of Vitest's module runner (which resolves bare specifiers itself and
// so would bypass hooks registered with module.register). Installed under IMPORT_HOOK, as the CLI
// loader installs its importer.
module.exports = (specifier) => import(specifier)
