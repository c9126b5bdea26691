/** One labelled value of a metric. */
export interface MetricSample {
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

/**
 * A metric a plugin exposes with `ctx.registerMetric`. `collect` is called on demand (by
 * `kernel.metrics()`), bounded by the hook timeout; a number is one unlabelled sample.
 *
 * @example
 * ```ts
 * import type { MetricDefinition } from '@opendaemon/core'
 *
 * let restarts = 0
 * const metric: MetricDefinition = {
 *   name: 'od_process_restarts_total',
 *   type: 'counter',
 *   help: 'Process restarts since the daemon started',
 *   collect: () => restarts,
 * }
 * ```
 * @since 0.1.0
 */
export interface MetricDefinition {
  /** Prometheus-style name: letters, digits, `_` and `:`, not starting with a digit. */
  readonly name: string
  readonly type: 'counter' | 'gauge'
  readonly help: string
  collect(): number | readonly MetricSample[] | Promise<number | readonly MetricSample[]>
}

/** A collected metric (plain JSON). */
export interface MetricSnapshot {
  name: string
  type: 'counter' | 'gauge'
  help: string
  /** Owning plugin, or `kernel`. */
  plugin: string
  samples: MetricSample[]
}
