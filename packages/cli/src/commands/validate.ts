import { basename } from 'node:path'
import { printConfigWarnings } from '../config/config-report.js'
import { loadConfigFile } from '../config/config-loader.js'
import { defineCommand } from '../define-command.js'

/** `od validate [file]`: load and validate a config without a daemon (SPECIFICATION.md §10.11). */
export default defineCommand({
  name: 'validate',
  description: 'Check a config file: every error at once, with its path and line:column',
  usage: 'validate [<config file>] [--env <profile>] [--json]',
  examples: ['od validate', 'od validate ecosystem.config.js --env production --json'],
  args: {
    file: {
      type: 'positional',
      description: 'Config file (default: the one discovery finds in the current directory)',
      valueName: 'file',
    },
    env: { type: 'string', description: 'Validate with env_<profile> applied', valueName: 'profile' },
  },
  async run({ args, cwd, out, runtime }) {
    const config = await loadConfigFile(
      { file: args.file ?? null, cwd, profile: args.env ?? null, only: null },
      runtime,
    )
    const valid = config.errors.length === 0
    if (out.mode.json) {
      out.json({
        file: config.file,
        format: config.format,
        flavour: config.flavour,
        valid,
        apps: config.apps.map((app) => app.name),
        errors: config.errors,
        warnings: config.warnings,
      })
      return valid ? 0 : 2
    }
    printConfigWarnings(out, config)
    const name = basename(config.file)
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
    if (valid) {
      const notes = config.warnings.length === 0 ? '' : ` (${plural(config.warnings.length, 'warning')})`
      out.success(`${name}: ${plural(config.apps.length, 'app')} valid${notes}`)
      return 0
    }
    out.error(`${name} is invalid (${plural(config.errors.length, 'error')}):`)
    const { formatIssue } = await import('@opendaemon/plugin-config-manager')
    for (const issue of config.errors) out.line(`  ${formatIssue(issue)}`)
    return 2
  },
})
