export { FrameType, FRAME_HEADER_SIZE, Heartbeat, LogSource, isFrameType } from './frame-types.js'
export type { FrameTypeCode, FrameTypeName, LogSourceCode } from './frame-types.js'
export { encodeFrame, FrameDecoder } from './frame-codec.js'
export type { Frame, FrameDecoderOptions } from './frame-codec.js'
export { encodeLogStreamFrame, decodeLogStreamPayload, LOG_STREAM_PREFIX_SIZE } from './log-stream-payload.js'
export type { LogStreamChunk } from './log-stream-payload.js'
export {
  parseRpcEntry,
  parseRequestValue,
  parseRequestPayload,
  successResponse,
  errorResponse,
  toErrorObject,
  daemonErrorFromRpc,
} from './jsonrpc.js'
export type {
  JsonRpcId,
  JsonRpcParams,
  JsonRpcErrorObject,
  JsonRpcSuccess,
  JsonRpcFailure,
  JsonRpcResponse,
  RpcEntry,
  ParsedPayload,
} from './jsonrpc.js'
export { ensureToken, generateToken, generateNonce, verifyHmac } from './auth.js'
export { computeHmac, isValidToken, readToken } from './auth-client.js'
export type { TokenFile, TokenFileStatus } from './auth.js'
export {
  sanitizeClientInfo,
  encodeAuthChallenge,
  parseAuthChallenge,
  encodeAuthAnswer,
  parseAuthAnswer,
  encodeAuthResult,
  parseAuthResult,
} from './auth-messages.js'
export type { AuthChallenge, AuthAnswer, AuthResult } from './auth-messages.js'
export { judgeSocketDir, tokenFileProblem } from './file-ownership.js'
export type { FileFacts, SocketDirVerdict } from './file-ownership.js'
export { defaultIpcLimits, resolveIpcLimits } from './ipc-limits.js'
export type { IpcLimits, IpcLimitsInput, IpcRateLimit } from './ipc-limits.js'
export { ipcSystemClock, silentIpcLogger } from './ipc-deps.js'
export type { IpcClock, IpcLogger } from './ipc-deps.js'
export { createTokenBucket } from './token-bucket.js'
export type { TokenBucket } from './token-bucket.js'
export { nextDeadline, expiredDeadline } from './connection-deadlines.js'
export type { Deadline, DeadlineKind, DeadlineState } from './connection-deadlines.js'
export { maxSocketPathBytes, checkSocketPath } from './socket-path.js'
export {
  prepareSocketDir,
  listenPrivate,
  removeStaleSocket,
} from './socket-files.js'
export { createRequestHandler } from './request-handler.js'
export type { IpcDispatch, IpcRequestContext, RequestHandler, RequestHandlerDeps } from './request-handler.js'
export type { DisconnectReason, IpcConnectionInfo } from './server-connection.js'
export { createIpcServer } from './server.js'
export type { IpcServer, IpcServerOptions, IpcServerEvent, IpcCloseOptions } from './server.js'
export { createPendingRequests } from './pending-requests.js'
export type { PendingRequests } from './pending-requests.js'
export { mapConnectError } from './client-handshake.js'
export { connectClient } from './client-connection.js'
export type {
  ClientCredentials,
  ConnectClientOptions,
  IpcClient,
  NotificationHandler,
  RequestOptions,
} from './client-connection.js'
