import type { Collection, Db } from 'mongodb';

import { isDuplicateKey } from '../database/duplicateKey';
import type { CaseEvent } from '../workflow';
import type { OutboxEntry } from './outbox';
import { createIndexesOneByOne } from '../database/indexes';

/**
 * The case log: every decision on a case is one commit document holding its events, the
 * idempotency key (the Teams activity id) and the outbox entries, inserted in one atomic
 * single-document write. The case is the fold of its commits' events.
 *
 * Concurrency without transactions or conditional updates (FerretDB 1.x applies those as an
 * unlocked read-then-write): a commit's `_id` is `<caseId>#<base version>`, so two decisions
 * taken on the same version of a case collide on the unique `_id` and exactly one is stored;
 * a unique index on `key` makes a replayed command collide with its first outcome.
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
}

export type CommitResult<E extends LoggedEvent> =
  | { readonly kind: 'committed'; readonly commit: CaseCommit<E> }
  /** Another decision was stored on this version first: reload and decide again. */
  | { readonly kind: 'conflict' }
  /** This key was already applied: here is its first outcome. */
  | { readonly kind: 'replay'; readonly commit: CaseCommit<E> };

export class CaseLog<E extends LoggedEvent = CaseEvent> {
  readonly commits: Collection<CaseCommit<E>>;

  constructor(db: Db) {
    this.commits = db.collection<CaseCommit<E>>('caseCommits');
  }

  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.commits, [
      { key: { key: 1 }, name: 'idempotencyKey', unique: true },
      { key: { caseId: 1, base: 1 }, name: 'caseHistory' },
      { key: { outboxPending: 1 }, name: 'outboxPending' },
    ]);
  }

  /** Every event of the case, in order, and its version (0 when there is no such case). */
  async load(caseId: string): Promise<{ events: E[]; version: number }> {
    const commits = await this.commits.find({ caseId }).sort({ base: 1 }).toArray();
    return { events: commits.flatMap((commit) => commit.events), version: commits.at(-1)?.version ?? 0 };
  }

  /** Whether a decision was committed on top of `version` (its commit's `_id` is `<caseId>#<version>`). */
  async hasCommitAfter(caseId: string, version: number): Promise<boolean> {
    return (await this.commits.findOne({ _id: `${caseId}#${version}` }, { projection: { _id: 1 } })) !== null;
  }

  findByKey(key: string): Promise<CaseCommit<E> | null> {
    return this.commits.findOne({ key }) as Promise<CaseCommit<E> | null>;
  }

  async commit(input: { caseId: string; base: number; key: string; events: E[]; outbox: OutboxEntry[]; now: Date }): Promise<CommitResult<E>> {
    const commit: CaseCommit<E> = {
      _id: `${input.caseId}#${input.base}`,
      caseId: input.caseId,
      base: input.base,
      version: input.base + input.events.length,
      key: input.key,
      events: input.events,
      outbox: input.outbox,
      pendingOutbox: input.outbox.map((entry) => entry.id),
      ...(input.outbox.length > 0 ? { outboxPending: true as const } : {}),
      committedAt: input.now,
    };
    try {
      await this.commits.insertOne(commit as never);
      return { kind: 'committed', commit };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    // The server does not say which unique index refused the insert, so look.
    const earlier = await this.findByKey(input.key);
    return earlier ? { kind: 'replay', commit: earlier } : { kind: 'conflict' };
  }
}
