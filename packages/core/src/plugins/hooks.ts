import type { ErrorInfo } from '../errors/error-info.js'

/**
 * Named hooks plugins can offer to each other: hook name → `{ payload, result }`. A plugin
 * registers a handler with `ctx.registerHook(name, handler)`; any plugin (or the daemon) runs all
 * handlers with `runHook(name, payload)`. Core declares none; plugins add theirs by declaration
 * merging:
 *
 * @example
 * ```ts
 * declare module '@opendaemon/core' {
 *   interface HookMap {
 *     'process:before-spawn': { payload: { name: string; env: Record<string, string> }; result: Record<string, string> }
 *   }
 * }
 * ```
 * @since 0.1.0
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface HookMap {}

/** Any hook name. */
export type HookName = keyof HookMap & string

/** Payload type of hook `N`. */
export type HookPayload<N extends HookName> = HookMap[N] extends { payload: infer P } ? P : never

/** Result type of one handler of hook `N`. */
export type HookResult<N extends HookName> = HookMap[N] extends { result: infer R } ? R : never

/** A handler registered for hook `N`. */
export type HookHandler<N extends HookName> = (
  payload: HookPayload<N>,
) => HookResult<N> | Promise<HookResult<N>>

/**
 * What one handler did. `runHook` never throws for a failing handler: it reports it here (and
 * counts it against the handler's plugin).
 */
export type HookOutcome<N extends HookName> =
  | { readonly plugin: string; readonly ok: true; readonly value: HookResult<N> }
  | { readonly plugin: string; readonly ok: false; readonly error: ErrorInfo }
