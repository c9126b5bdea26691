import type { EmptyParams } from '@opendaemon/core'

// Methods registered by the test plugins, declared so their names type-check.
declare module '@opendaemon/core' {
  interface RpcMethods {
    'fixture.boom': { params: EmptyParams; result: never }
    'fixture.echo': { params: Record<string, unknown>; result: Record<string, unknown> }
  }
}

export {}
