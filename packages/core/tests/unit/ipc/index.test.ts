import { describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/clock.js'
import * as ipc from '../../../src/ipc/index.js'
import { createLogger } from '../../../src/logger.js'

describe('IPC public surface', () => {
  it('exports the documented runtime API', () => {
    expect(Object.keys(ipc).sort()).toEqual(
      [
        'FRAME_HEADER_SIZE',
        'FrameDecoder',
        'FrameType',
        'Heartbeat',
        'LOG_STREAM_PREFIX_SIZE',
        'LogSource',
        'checkSocketPath',
        'computeHmac',
        'connectClient',
        'createIpcServer',
        'createPendingRequests',
        'createRequestHandler',
        'createTokenBucket',
        'daemonErrorFromRpc',
        'decodeLogStreamPayload',
        'defaultIpcLimits',
        'encodeAuthAnswer',
        'encodeAuthChallenge',
        'encodeAuthResult',
        'encodeFrame',
        'encodeLogStreamFrame',
        'ensureToken',
        'errorResponse',
        'expiredDeadline',
        'generateNonce',
        'generateToken',
        'ipcSystemClock',
        'isFrameType',
        'isValidToken',
        'judgeSocketDir',
        'listenPrivate',
        'mapConnectError',
        'maxSocketPathBytes',
        'nextDeadline',
        'parseAuthAnswer',
        'parseAuthChallenge',
        'parseAuthResult',
        'parseRequestPayload',
        'parseRequestValue',
        'parseRpcEntry',
        'prepareSocketDir',
        'readToken',
        'removeStaleSocket',
        'resolveIpcLimits',
        'sanitizeClientInfo',
        'silentIpcLogger',
        'successResponse',
        'toErrorObject',
        'tokenFileProblem',
        'verifyHmac',
      ].sort(),
    )
  })

  it('has a real clock whose timers fire and can be cancelled', async () => {
    const fired = await new Promise<number>((resolve) =>
      ipc.ipcSystemClock.setTimeout(() => resolve(ipc.ipcSystemClock.now()), 1),
    )
    expect(fired).toBeGreaterThan(0)
    let cancelled = true
    ipc.ipcSystemClock.clearTimeout(ipc.ipcSystemClock.setTimeout(() => (cancelled = false), 0))
    // Timers fire in due order: once a later one ran, the cancelled one would have run before it.
    await new Promise((resolve) => ipc.ipcSystemClock.setTimeout(() => resolve(null), 2))
    expect(cancelled).toBe(true)
    ipc.silentIpcLogger.warn('nothing')
    ipc.silentIpcLogger.debug('nothing')
  })

  it("accepts the kernel's Clock and Logger where it takes an IpcClock and IpcLogger", () => {
    const clock: ipc.IpcClock = systemClock
    const logger: ipc.IpcLogger = createLogger()
    expect(typeof clock.now()).toBe('number')
    logger.debug('type check only')
  })
})
