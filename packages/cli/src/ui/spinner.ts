/** The timer functions the spinner needs; the shape of core's `Clock`, so a fake clock fits. */
export interface SpinnerTimers<H = unknown> {
  setTimeout(fn: () => void, ms: number): H
  clearTimeout(handle: H): void
}

/** Where the spinner draws. */
export interface SpinnerStream {
  write(text: string): unknown
}

/** Options of {@link createSpinner}. */
export interface SpinnerOptions<H> {
  readonly stream: SpinnerStream
  readonly timers: SpinnerTimers<H>
  /** Draw only when true: a TTY, and neither `--quiet` nor `--json`. Otherwise the spinner writes nothing. */
  readonly enabled: boolean
  readonly frames?: readonly string[]
  readonly intervalMs?: number
  /** Wraps each frame, for colour. */
  readonly paint?: (frame: string) => string
}

/** A one-line activity indicator. */
export interface Spinner {
  start(text: string): void
  update(text: string): void
  /** Clears the line and shows the cursor again; final messages are printed by the caller. */
  stop(): void
  readonly active: boolean
}

const DOTS = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
const CLEAR_LINE = '\r\u001b[2K'
const HIDE_CURSOR = '\u001b[?25l'
const SHOW_CURSOR = '\u001b[?25h'

/**
 * A TTY spinner driven by injected timers. When `enabled` is false it writes nothing at all, so piped
 * output and logs stay clean.
 *
 * @example
 * ```ts
 * const spinner = createSpinner({ stream: process.stderr, timers: globalThis, enabled: process.stderr.isTTY })
 * spinner.start('Starting daemon')
 * spinner.stop()
 * ```
 */
export function createSpinner<H>(options: SpinnerOptions<H>): Spinner {
  const { stream, timers, enabled } = options
  const frames = options.frames ?? DOTS
  const intervalMs = options.intervalMs ?? 80
  const paint = options.paint ?? ((frame: string) => frame)
  let text = ''
  let frame = 0
  let timer: { handle: H } | undefined

  const draw = (): void => {
    stream.write(`${CLEAR_LINE}${paint(frames[frame % frames.length] as string)} ${text}`)
  }
  const tick = (): void => {
    frame++
    draw()
    timer = { handle: timers.setTimeout(tick, intervalMs) }
  }

  return {
    get active() {
      return timer !== undefined
    },
    start(initial) {
      text = initial
      if (!enabled || timer !== undefined) return
      stream.write(HIDE_CURSOR)
      draw()
      timer = { handle: timers.setTimeout(tick, intervalMs) }
    },
    update(next) {
      text = next
      if (timer !== undefined) draw()
    },
    stop() {
      if (timer === undefined) return
      timers.clearTimeout(timer.handle)
      timer = undefined
      stream.write(CLEAR_LINE + SHOW_CURSOR)
    },
  }
}

/** The real timers, for the bin entry and as the default of {@link createOutput}'s spinner. */
export const systemTimers: SpinnerTimers<ReturnType<typeof setTimeout>> = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle),
}
