/**
 * The selector flags shared by every process command (§1.6): a target (id, name or `all`),
 * `--namespace`, `--tag` (any of, repeatable), `--tag-all` (all of, repeatable) and the `--all`
 * guard for destructive commands, turned into `process.*` selector params.
 */
import type { ProcessSelectorParams } from '@opendaemon/core/client'
import { CliError } from '../cli-error.js'

/** The `args` entries of a selector. */
export const selectorArgs = {
  target: { type: 'positional', description: 'id, name or "all"', valueName: 'name|id|all' },
  namespace: { type: 'string', description: 'Only processes in this namespace', valueName: 'ns' },
  tag: { type: 'string', multiple: true, description: 'Processes with this tag (repeatable: any of them)' },
  tagAll: {
    type: 'string',
    multiple: true,
    description: 'Processes with every one of these tags (repeatable)',
  },
  all: { type: 'boolean', description: 'Act on every match when the selector matches several apps' },
} as const

/** Parsed selector flags. */
export interface SelectorValues {
  target: string | undefined
  namespace: string | undefined
  tag: string[]
  tagAll: string[]
  all: boolean
}

/**
 * Build the selector params; a command given nothing to select is a usage error.
 *
 * @example
 * ```ts
 * toSelector({ target: 'api', namespace: undefined, tag: [], tagAll: [], all: false }, 'stop') // { target: 'api' }
 * ```
 */
export function toSelector(values: SelectorValues, command: string): ProcessSelectorParams {
  const selector: ProcessSelectorParams = {}
  if (values.target !== undefined)
    selector.target = /^\d+$/.test(values.target) ? Number(values.target) : values.target
  if (values.namespace !== undefined) selector.namespace = values.namespace
  if (values.tag.length > 0) selector.tags = values.tag
  if (values.tagAll.length > 0) selector.tagsAll = values.tagAll
  if (Object.keys(selector).length === 0) {
    throw new CliError(
      'OD_USAGE',
      `od ${command} needs a process: a name, an id, "all", --namespace or --tag`,
    )
  }
  if (values.all) selector.all = true
  return selector
}
