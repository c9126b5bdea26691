import { VERSION } from '@opendaemon/core/basics'
import { defineCommand } from '../define-command.js'

/** `od version`, also reached by `od --version` and `od -V`. */
export default defineCommand({
  name: 'version',
  description: 'Print the version of OpenDaemon',
  examples: [
    { command: 'od --version', description: 'opendaemon 0.1.0' },
    { command: 'od version --json', description: '{ "version": "0.1.0", "node": "v20.11.0" }' },
  ],
  run({ args, out, runtime }) {
    if (args.json) out.json({ version: VERSION, node: runtime.nodeVersion })
    else out.line(`opendaemon ${VERSION}`)
    return 0
  },
})
