import type { OutboxEntry } from './outbox';

/**
 * The shape of one stored decision (a commit in the case log), apart from the log that writes it,
 * so the hash chain (commitChain.ts) can name it without importing the log.
 */
export interface LoggedEvent {
  readonly type: string;
  readonly at: string;
  readonly actor: { readonly id: string; readonly name: string };
  readonly activityId: string;
}

export interface CaseCommit<E extends LoggedEvent = LoggedEvent> {
  _id: string;
  caseId: string;
  /** The case version this decision was taken on; the commit holds versions base+1 … version. */
  base: number;
  version: number;
  key: string;
  events: E[];
  outbox: OutboxEntry[];
  /** Outbox entry ids not yet known to be delivered: a hint for the worker, not the truth. */
  pendingOutbox: string[];
  /**
   * Present (true) while `pendingOutbox` has entries: what the outbox worker looks up. A plain
   * equality, because FerretDB 1.24 evaluates `{ pendingOutbox: { $ne: [] } }` itself over
   * every commit ever made, while an equality goes to its backend's index.
   */
  outboxPending?: true;
  committedAt: Date;
  /** The `hash` of the commit this decision was taken on (`genesisHash` for a case's first). */
  previousHash: string;
  /** SHA-256 of this commit's canonical content, `previousHash` included (commitChain.ts). */
  hash: string;
}
