/**
 * A MongoDB-compatible server this process started for itself: what each way of starting one
 * (FerretDB, mongodb-memory-server) returns, declared apart from the chooser that imports them.
 */
export interface EmbeddedServer {
  readonly uri: string;
  readonly description: string;
  stop(): Promise<void>;
}
