import { MessageFactory } from 'botbuilder';
import type { Collection, Db } from 'mongodb';

import type { CaseIndex } from '../services/cases/caseIndex';
import type { CaseStates } from '../services/cases/caseStates';
import { addDays, formatDate, londonDate } from '../services/calendar';
import { isDuplicateKey } from '../services/database/duplicateKey';
import { describeHolder, type CaseRole, type CaseState, type Channel, type Recipient } from '../services/workflow';
import { describeError, type Logger } from './logger';
import { resolveRecipient, type Target } from './recipients';
import type { StaffDirectory } from './staffDirectory';
import type { TeamsMessenger } from './teamsMessenger';
import { plainInMarkdown } from '../services/text/markdownText';

/**
 * Deadline reminders and escalations. Before a due date, whoever holds the next action is
 * reminded (5 working days ahead for the cohort file, a few for the rest: the workflow's
 * `remindOn`); once it has passed, the triage channel is told. Any number of bot processes may
 * run this: each notice is claimed by inserting `<case>#<due date>#<kind>` first, so it is sent
 * once however many workers see it.
 *
 * A pass reads the `cases` index (due date and reminder date are indexed fields), claims each
 * notice from those, and reads a case's full state from its log only for a notice it claimed.
 */
interface NoticeClaim {
  _id: string;
  caseId: string;
  at: Date;
}

/** Reminders go at most this many calendar days before a due date (covers any working-day lead). */
const lookAheadDays = 14;

export class DeadlineReminders {
  private readonly claims: Collection<NoticeClaim>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    db: Db,
    private readonly index: CaseIndex,
    private readonly states: CaseStates,
    private readonly messenger: TeamsMessenger,
    private readonly staff: StaffDirectory,
    private readonly channels: Record<Channel, string>,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.claims = db.collection<NoticeClaim>('deadlineNotices');
  }

  async ensureIndexes(): Promise<void> {
    await this.claims.createIndex({ caseId: 1 }, { name: 'caseNotices' });
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the cases due soon or overdue. Returns when every notice due is sent. */
  runOnce(): Promise<void> {
    this.running ??= this.pass()
      .catch((error) => this.logger.error('deadline pass failed', { error: describeError(error) }))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.clock();
    const today = londonDate(now);
    // Everything overdue or due within the longest reminder lead; those whose reminder date has come.
    const candidates = await this.index.openDueUpTo(addDays(today, lookAheadDays), { today });
    for (const record of candidates.filter((candidate) => candidate.remindOn !== undefined && candidate.remindOn <= today)) {
      if (!record.nextDue) continue;
      const kind = today > record.nextDue ? 'escalation' : 'reminder';
      if (!(await this.claim(record._id, `${record.nextDue}#${kind}`))) continue;
      // The index trails the log for a moment: notify only if the case still has this due date.
      const state = await this.states.get(record._id);
      if (!state || state.stage === 'closed' || state.nextAction?.due !== record.nextDue) continue;
      if (kind === 'escalation') await this.escalate(state, record.nextDue);
      else await this.remind(state, record.nextDue);
    }
  }

  private async remind(state: CaseState, due: string): Promise<void> {
    const next = state.nextAction!;
    const text = `**${state.reference}**: a reminder that "${plainInMarkdown(next.description)}" is due by ${formatDate(due)}. Say **status** for the details.`;
    for (const holder of next.holders) {
      const targets: Target[] =
        holder.kind === 'person' ? [{ kind: 'person', id: holder.id }] : await resolveRecipient(recipientOfRole(holder.role), state, this.staff);
      for (const target of targets) await this.send(target, text);
    }
    this.logger.info('deadline reminder sent', { caseRef: state.reference, due });
  }

  private async escalate(state: CaseState, due: string): Promise<void> {
    const next = state.nextAction!;
    const holders = plainInMarkdown(next.holders.map(describeHolder).join(', '));
    const text = `**${state.reference} is overdue**: "${plainInMarkdown(next.description)}" (${holders}) was due by ${formatDate(due)}.`;
    await this.send({ kind: 'channel', channel: 'triage' }, text);
    this.logger.info('deadline escalated', { caseRef: state.reference, due });
  }

  private async send(target: Target, text: string): Promise<void> {
    try {
      if (target.kind === 'person') await this.messenger.sendToPerson(target.id, MessageFactory.text(text));
      else await this.messenger.postToChannel(this.channels[target.channel], MessageFactory.text(text));
    } catch (error) {
      this.logger.warn('deadline notice not delivered', { error: describeError(error) });
    }
  }

  private async claim(caseId: string, what: string): Promise<boolean> {
    try {
      await this.claims.insertOne({ _id: `${caseId}#${what}`, caseId, at: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}

/** Case-bound roles are the case's people; staff roles are whoever the directory lists. */
function recipientOfRole(role: CaseRole): Recipient {
  if (role === 'applicantMember') return 'applicantTeam';
  if (role === 'applicant' || role === 'darsContact' || role === 'dataControllerSignatory') return role;
  return { role };
}
