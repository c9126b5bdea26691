/**
 * The part of the daemon client the CLI commands use. The SDK's `OpenDaemon` client satisfies it;
 * the bin entry decides how to connect (and whether to auto-start the daemon).
 */
export interface ClientLike {
  /** Calls an RPC method (`process.list`, `daemon.status`, …) and resolves to its result. */
  call(method: string, params?: unknown): Promise<unknown>
  /** Closes the connection. */
  close(): Promise<void>
}

/** Opens a client connection; called lazily, only by commands that talk to the daemon. */
export type ConnectClient = () => Promise<ClientLike>
