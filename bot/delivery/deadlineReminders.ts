import type { CaseIndex } from '../../services/storage/cases/caseIndex';
import type { CaseLog } from '../../services/storage/cases/caseLog';
import type { DarsCaseCommands } from '../../services/storage/cases/darsWorkflow';
import { addDays, londonDate } from '../../services/domain/calendar';
import { botActor, deadlineNotice, type DeadlineNoticeKind } from '../../services/domain/workflow';
import { describeError, type Logger } from '../runtime/logger';

/**
 * Deadline reminders and escalations. Before a due date, whoever holds the next action is
 * reminded (5 working days ahead for the cohort file, a few for the rest: the workflow's
 * `remindOn`); once it has passed, the triage channel is told.
 *
 * Each notice is a decision the bot takes on the case (`deadlineNotice`): one commit keyed
 * `deadline:<case>#<due date>#<kind>`, holding the history event and the outbox entry that sends
 * it. The unique key makes it once however many processes run this; the delivery road sends it,
 * retrying a throttled or failed send, and dead-letters it to staff if it never goes.
 *
 * A pass reads the `cases` index (due date and reminder date are indexed fields), skips notices
 * already recorded (one read by key), and decides the rest on the case as its log says now.
 */

/** Reminders go at most this many calendar days before a due date (covers any working-day lead). */
const lookAheadDays = 14;

export class DeadlineReminders {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly index: CaseIndex,
    private readonly log: CaseLog,
    private readonly commands: DarsCaseCommands,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the cases due soon or overdue. Returns when every notice due is recorded. */
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
      const notice: DeadlineNoticeKind = today > record.nextDue ? 'escalation' : 'reminder';
      const key = `deadline:${record._id}#${record.nextDue}#${notice}`;
      if (await this.log.findByKey(key)) continue;
      // The index trails the log for a moment: the decision checks the case still has this due date.
      const due = record.nextDue;
      const result = await this.commands.executeDecision(
        { caseId: record._id, key, now, context: { actor: { ...botActor, roles: [] }, activityId: key, now } },
        (state) => deadlineNotice(state, notice, due, { now, activityId: key }),
      );
      if (result.kind === 'applied') this.logger.info(notice === 'reminder' ? 'deadline reminder recorded' : 'deadline escalation recorded', { caseRef: record._id, due });
    }
  }
}
