import type { Collection, Db } from 'mongodb';

import type { OutboxEntry } from './outbox';
import { isDuplicateKey } from '../database/duplicateKey';

/**
 * The case collection. One document per case holds its events (the history, append-only), a
 * projection of its state for the queues, the outbox of its pending side effects, and the keys
 * of the commands already applied. Every decision is one atomic single-document write, so the
 * store needs no transactions and runs unchanged on FerretDB, MongoDB 7/8 and Atlas.
 */

export interface StoredEvent {
  readonly type: string;
  readonly at: string;
  readonly actor: { readonly id: string; readonly name: string };
  readonly activityId: string;
  readonly [field: string]: unknown;
}

/** The fields people query by; recomputed from the state on every write. */
export interface CaseProjection {
  readonly stage: string;
  readonly status: string;
  readonly applicantId: string;
  readonly darsContactId?: string;
  /** ISO date of the next deadline, for "overdue" and reminders. */
  readonly nextDeadline?: string;
  readonly nextActionHolder?: string;
}

export interface CaseDocument extends CaseProjection {
  _id: string;
  version: number;
  events: StoredEvent[];
  /** Activity ids (idempotency keys) applied, with the version each one produced. */
  commands: { key: string; version: number }[];
  outbox: Record<string, OutboxEntry>;
  /** Ids of undelivered outbox entries, so workers find work without positional updates. */
  pendingOutbox: string[];
  /** Cards posted for this case, to update them in place later. */
  postedCards: Record<string, { conversationId: string; activityId: string; serviceUrl: string }>;
  createdAt: Date;
  updatedAt: Date;
}

export class CaseStore {
  readonly cases: Collection<CaseDocument>;

  constructor(db: Db) {
    this.cases = db.collection<CaseDocument>('cases');
  }

  /** Indexes for the queues people ask for, and for the idempotency and outbox look-ups. */
  async ensureIndexes(): Promise<void> {
    await this.cases.createIndexes([
      { key: { 'commands.key': 1 }, name: 'commandKey', unique: true, sparse: true },
      { key: { stage: 1, status: 1, updatedAt: -1 }, name: 'stageQueue' },
      { key: { darsContactId: 1, stage: 1 }, name: 'darsContactQueue' },
      { key: { applicantId: 1, createdAt: -1 }, name: 'applicantCases' },
      { key: { nextDeadline: 1 }, name: 'nextDeadline' },
      { key: { pendingOutbox: 1 }, name: 'pendingOutbox' },
    ]);
  }

  get(caseId: string): Promise<CaseDocument | null> {
    return this.cases.findOne({ _id: caseId });
  }

  findByCommandKey(key: string): Promise<CaseDocument | null> {
    return this.cases.findOne({ 'commands.key': key });
  }

  /**
   * Creates a case from its first events. Returns false when a case already exists for this
   * command key (a replayed submission), which the unique index decides even under a race.
   */
  async create(input: {
    caseId: string;
    key: string;
    events: StoredEvent[];
    projection: CaseProjection;
    outbox: OutboxEntry[];
    now: Date;
  }): Promise<boolean> {
    try {
      await this.cases.insertOne({
        _id: input.caseId,
        ...input.projection,
        version: input.events.length,
        events: input.events,
        commands: [{ key: input.key, version: input.events.length }],
        outbox: Object.fromEntries(input.outbox.map((entry) => [entry.id, entry])),
        pendingOutbox: input.outbox.map((entry) => entry.id),
        postedCards: {},
        createdAt: input.now,
        updatedAt: input.now,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Appends events at the expected version, in one atomic update with the outbox entries and
   * the command key. Returns false if the case moved on (another decision won) or the key was
   * already applied; the caller reloads and decides again, or replays the first outcome.
   */
  async append(input: {
    caseId: string;
    expectedVersion: number;
    key: string;
    events: StoredEvent[];
    projection: CaseProjection;
    outbox: OutboxEntry[];
    now: Date;
  }): Promise<boolean> {
    const version = input.expectedVersion + input.events.length;
    const outboxFields = Object.fromEntries(input.outbox.map((entry) => [`outbox.${entry.id}`, entry]));
    try {
      const result = await this.cases.updateOne(
        { _id: input.caseId, version: input.expectedVersion, 'commands.key': { $ne: input.key } },
        {
          $set: { ...input.projection, ...outboxFields, version, updatedAt: input.now },
          $push: {
            events: { $each: input.events },
            commands: { key: input.key, version },
            pendingOutbox: { $each: input.outbox.map((entry) => entry.id) },
          },
        },
      );
      return result.modifiedCount === 1;
    } catch (error) {
      // The unique command-key index can refuse a key another case already used.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  forApplicant(applicantId: string, limit = 20): Promise<CaseDocument[]> {
    return this.cases.find({ applicantId }).sort({ createdAt: -1 }).limit(limit).toArray();
  }

  /** Remembers where a card for this case was posted, so later changes update it in place. */
  async recordPostedCard(caseId: string, card: string, where: CaseDocument['postedCards'][string]): Promise<void> {
    await this.cases.updateOne({ _id: caseId }, { $set: { [`postedCards.${card}`]: where } });
  }
}
