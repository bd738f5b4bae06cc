import { MessageFactory } from 'botbuilder';
import type { Collection, Db } from 'mongodb';
import { z } from 'zod';

import type { CaseLog } from '../../services/storage/cases/caseLog';
import type { OutboxEntry } from '../../services/storage/cases/outbox';
import type { ClaimLedger } from '../../services/storage/delivery/claimLedger';
import { isDuplicateKey } from '../../services/storage/database/duplicateKey';
import { createIndexesOneByOne } from '../../services/storage/database/indexes';
import { formatDate, londonDate } from '../../services/domain/calendar';
import type { TeamsMessenger } from './teamsMessenger';

/**
 * Deliveries the road gave up on. A dead letter is inserted (`<entry id>#<attempt>`, unique, so
 * one process records it) when an entry has used up its attempts or its age; the entry leaves
 * the pending list, and DARS staff are told in the triage channel — that report is itself work
 * on the road's claim ledger, so it is sent once and retried until it is. Staff list what is
 * stuck with `@DARS Bot deliveries` and put one back with `retry <id>`; a retried entry gets a
 * fresh budget of attempts, counted from the dead letter.
 */
export interface DeadLetter {
  _id: string;
  entryId: string;
  commitId: string;
  caseId: string;
  effect: string;
  /** The attempt number at which it gave up (attempts are numbered across retries). */
  attempts: number;
  lastError: string;
  at: Date;
  /** Present while it is stuck: an equality the list command looks up. */
  stuck?: true;
  /** Present until staff have been told. */
  unreported?: true;
  retriedAt?: Date;
  retriedBy?: string;
}

/** What a retried entry's budget starts from. */
export interface DeliveryRound {
  readonly attemptsBefore: number;
  readonly retriedAt: Date;
}

export type RetryOutcome = { readonly kind: 'retried'; readonly letter: DeadLetter } | { readonly kind: 'unknown' } | { readonly kind: 'ambiguous'; readonly count: number };

export class DeadLetters {
  private readonly letters: Collection<DeadLetter>;

  constructor(
    db: Db,
    private readonly log: CaseLog,
    private readonly messenger: TeamsMessenger,
    private readonly triageChannelId: string,
  ) {
    this.letters = db.collection<DeadLetter>('deadLetters');
  }

  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.letters, [
      { key: { entryId: 1 }, name: 'entryLetters' },
      { key: { stuck: 1 }, name: 'stuck' },
      { key: { unreported: 1 }, name: 'unreported' },
    ]);
  }

  async add(input: { commitId: string; caseId: string; entry: OutboxEntry; attempts: number; lastError: string; at: Date }): Promise<void> {
    try {
      await this.letters.insertOne({
        _id: `${input.entry.id}#${input.attempts}`, entryId: input.entry.id, commitId: input.commitId, caseId: input.caseId,
        effect: input.entry.effect.kind, attempts: input.attempts, lastError: input.lastError, at: input.at, stuck: true, unreported: true,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // another process recorded the same death
    }
  }

  /** The budget of an entry staff retried: attempts before the retry don't count against it. */
  async roundOf(entryId: string): Promise<DeliveryRound | undefined> {
    const retried = (await this.letters.find({ entryId }).toArray()).filter((letter) => letter.retriedAt);
    const latest = retried.sort((a, b) => b.attempts - a.attempts)[0];
    return latest?.retriedAt ? { attemptsBefore: latest.attempts, retriedAt: latest.retriedAt } : undefined;
  }

  /** Every stuck delivery, oldest first. */
  async stuck(): Promise<DeadLetter[]> {
    return (await this.letters.find({ stuck: true }).toArray()).sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /** Puts a stuck delivery back on the road; `id` is the short id staff were shown. */
  async retry(id: string, by: string, now: Date): Promise<RetryOutcome> {
    const matches = (await this.stuck()).filter((letter) => shortId(letter) === id.toLowerCase());
    if (matches.length === 0) return { kind: 'unknown' };
    if (matches.length > 1) return { kind: 'ambiguous', count: matches.length };
    const letter = matches[0]!;
    await this.letters.updateOne({ _id: letter._id }, { $set: { retriedAt: now, retriedBy: by }, $unset: { stuck: '' } });
    // FerretDB applies updates unlocked: the road may pull another entry of the commit at the
    // same moment and lose this one. Read it back until it holds.
    for (let tries = 0; tries < 5; tries++) {
      await this.log.commits.updateOne({ _id: letter.commitId }, { $addToSet: { pendingOutbox: letter.entryId }, $set: { outboxPending: true } });
      const commit = await this.log.commits.findOne({ _id: letter.commitId }, { projection: { pendingOutbox: 1, outboxPending: 1 } });
      if (commit?.outboxPending && commit.pendingOutbox.includes(letter.entryId)) break;
    }
    return { kind: 'retried', letter };
  }

  /** Tells the triage channel about each dead letter not yet reported (once, through the ledger). */
  async reportPending(ledger: ClaimLedger): Promise<void> {
    for (const letter of await this.letters.find({ unreported: true }).toArray()) {
      const outcome = await ledger.run({ id: `report:${letter._id}`, caseId: letter.caseId }, z.literal(true), async () => {
        await this.messenger.postToChannel(this.triageChannelId, MessageFactory.text(deadLetterNotice(letter)));
        return { kind: 'done', result: true as const };
      });
      if (outcome.kind === 'done') await this.letters.updateOne({ _id: letter._id }, { $unset: { unreported: '' } });
    }
  }
}

/** The id staff type after "retry": the first eight characters of the entry id. */
export function shortId(letter: Pick<DeadLetter, 'entryId'>): string {
  return letter.entryId.slice(0, 8).toLowerCase();
}

const effectNames: Record<string, string> = {
  postCard: 'a card for a staff channel',
  sendCard: 'a card sent in a 1:1 chat',
  notify: 'a message',
  eventNotices: 'a message',
  requestSignature: 'a DSA signature request',
  updateCards: 'updates to posted cards',
  withdrawSignatureRequests: 'withdrawn signature requests',
  deadlineNotice: 'a deadline reminder',
  sendSignedCopy: 'a signed copy of record',
  copyFileToLibrary: 'a copy of a file for SharePoint',
};

export function describeEffect(effect: string): string {
  return effectNames[effect] ?? 'a delivery';
}

export function deadLetterNotice(letter: DeadLetter): string {
  return `**${letter.caseId}**: DARS Bot could not deliver ${describeEffect(letter.effect)} after ${letter.attempts} attempts and has stopped trying (${letter.lastError}). ` +
    `Mention me with **deliveries** to see what is stuck, or **retry ${shortId(letter)}** to try again.`;
}

/** One line per stuck delivery, for the staff channel. */
export function stuckLine(letter: DeadLetter): string {
  return `- **${shortId(letter)}**: ${letter.caseId}, ${describeEffect(letter.effect)}, stopped on ${formatDate(londonDate(letter.at))} after ${letter.attempts} attempts`;
}
