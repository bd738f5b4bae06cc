import type { Collection, Db } from 'mongodb';

import { isDuplicateKey } from '../database/duplicateKey';
import type { CaseEvent } from '../../domain/workflow';
import type { OutboxEntry } from './outbox';
import { createIndexesOneByOne } from '../database/indexes';
import { asStored } from '../../domain/integrity/canonicalJson';
import { commitHash, genesisHash } from './commitChain';
import type { CaseCommit, LoggedEvent } from './caseCommit';

/**
 * The case log: every decision on a case is one commit document holding its events, the
 * idempotency key (the Teams activity id) and the outbox entries, inserted in one atomic
 * single-document write. The case is the fold of its commits' events.
 *
 * Concurrency without transactions or conditional updates (FerretDB 1.x applies those as an
 * unlocked read-then-write): a commit's `_id` is `<caseId>#<base version>`, so two decisions
 * taken on the same version of a case collide on the unique `_id` and exactly one is stored;
 * a unique index on `key` makes a replayed command collide with its first outcome.
 *
 * Tamper-evident: each commit carries the SHA-256 of its content and of the commit before it
 * (see commitChain.ts), so an edited, deleted or reordered commit breaks the chain.
 */

export type { LoggedEvent, CaseCommit } from './caseCommit';

export type CommitResult<E extends LoggedEvent> =
  | { readonly kind: 'committed'; readonly commit: CaseCommit<E> }
  /** Another decision was stored on this version first: reload and decide again. */
  | { readonly kind: 'conflict' }
  /** This key was already applied: here is its first outcome. */
  | { readonly kind: 'replay'; readonly commit: CaseCommit<E> };

export class CaseLog<E extends LoggedEvent = CaseEvent> {
  readonly commits: Collection<CaseCommit<E>>;

  constructor(readonly db: Db) {
    this.commits = db.collection<CaseCommit<E>>('caseCommits');
  }

  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.commits, [
      { key: { key: 1 }, name: 'idempotencyKey', unique: true },
      { key: { caseId: 1, base: 1 }, name: 'caseHistory' },
      { key: { outboxPending: 1 }, name: 'outboxPending' },
    ]);
  }

  /**
   * Every event of the case, in order, its version (0 when there is no such case), and `head`:
   * the hash of its last commit, which the next commit on this version points at.
   */
  async load(caseId: string): Promise<{ events: E[]; version: number; head: string }> {
    const commits = await this.history(caseId);
    const last = commits.at(-1);
    return { events: commits.flatMap((commit) => commit.events), version: last?.version ?? 0, head: last?.hash ?? genesisHash };
  }

  /** The case's commits in order, as stored (what the hash chain is verified on). */
  history(caseId: string): Promise<CaseCommit<E>[]> {
    return this.commits.find({ caseId }).sort({ base: 1 }).toArray() as Promise<CaseCommit<E>[]>;
  }

  /** Whether a decision was committed on top of `version` (its commit's `_id` is `<caseId>#<version>`). */
  async hasCommitAfter(caseId: string, version: number): Promise<boolean> {
    return (await this.commits.findOne({ _id: `${caseId}#${version}` }, { projection: { _id: 1 } })) !== null;
  }

  findByKey(key: string): Promise<CaseCommit<E> | null> {
    return this.commits.findOne({ key }) as Promise<CaseCommit<E> | null>;
  }

  /** `previousHash`: the `head` of the case as loaded at `base`. */
  async commit(input: { caseId: string; base: number; key: string; events: E[]; outbox: OutboxEntry[]; now: Date; previousHash: string }): Promise<CommitResult<E>> {
    const commit = sealCommit<E>({
      _id: `${input.caseId}#${input.base}`,
      caseId: input.caseId,
      base: input.base,
      version: input.base + input.events.length,
      key: input.key,
      events: input.events,
      outbox: input.outbox,
      committedAt: input.now,
      previousHash: input.previousHash,
    });
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

/**
 * A commit ready to insert: its content as the database will return it (so the hash of what is
 * read back equals the hash written), its hash, and the outbox worker's hints.
 */
export function sealCommit<E extends LoggedEvent>(content: Omit<CaseCommit<E>, 'hash' | 'pendingOutbox' | 'outboxPending'>): CaseCommit<E> {
  const stored = { ...content, events: asStored(content.events), outbox: asStored(content.outbox) };
  return {
    ...stored,
    hash: commitHash(stored),
    pendingOutbox: stored.outbox.map((entry) => entry.id),
    ...(stored.outbox.length > 0 ? { outboxPending: true as const } : {}),
  };
}
