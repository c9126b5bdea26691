import type { EventBus, EventMap, IpcServerEvent, Logger } from '@opendaemon/core'

/**
 * Turns the IPC server's connection events into bus events (`ipc:client:connected`,
 * `ipc:client:disconnected`, `ipc:auth:failed`) and log lines.
 *
 * @example
 * ```ts
 * import { createEventBus, createLogger } from '@opendaemon/core'
 * import { forwardIpcEvents } from '@opendaemon/daemon'
 *
 * const onEvent = forwardIpcEvents(createEventBus(), createLogger())
 * onEvent({ type: 'auth-failed', connectionId: '3', reason: 'wrong token', at: Date.now() })
 * ```
 * @since 0.1.0
 */
export function forwardIpcEvents(
  events: EventBus<EventMap>,
  logger: Logger,
): (event: IpcServerEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'authenticated':
        logger.debug('client connected', { connectionId: event.connectionId, client: event.client })
        return events.emit('ipc:client:connected', {
          connectionId: event.connectionId,
          client: event.client,
          at: event.at,
        })
      case 'disconnected': {
        const { connectionId, client, reason, durationMs, at } = event
        logger.debug('client disconnected', { connectionId, reason })
        return events.emit('ipc:client:disconnected', { connectionId, client, reason, durationMs, at })
      }
      case 'auth-failed':
        logger.warn('a client failed to authenticate', {
          connectionId: event.connectionId,
          reason: event.reason,
        })
        return events.emit('ipc:auth:failed', {
          connectionId: event.connectionId,
          reason: event.reason,
          at: event.at,
        })
      case 'rejected':
        return logger.warn('connection refused', { reason: event.reason })
      case 'connected':
        return
    }
  }
}
