import { historyViewFor, readableHistory, type HistoryLine } from '../../cards/events/history';
import { formatDate } from '../../services/domain/calendar';
import { caseStatus, describeHolder, rolesOnCase, unseenCaseMessage, type Actor, type CaseState } from '../../services/domain/workflow';
import { plainInMarkdown } from '../../services/domain/text/markdownText';
import { evidenceStatusLine } from '../../services/domain/workflow/state/evidenceChecklist';
import type { CaseDesk } from '../../services/storage/cases/caseDesk';
import type { CaseRecord } from '../../services/storage/cases/caseIndex';

/**
 * "status" and "history" in the 1:1 chat: every case the person is on — as applicant or invited
 * member, and (so a signatory or DARS contact also finds theirs) as DARS contact or holder of the
 * next step — where it stands, who has the next step, what is due, and what happened, in words.
 * Every case passes the read table (`CaseDesk.readableBy`) for the person and their directory
 * roles; a reference they may not see gets exactly the answer for one that does not exist.
 * Here, beside the chat, not in the store: the history's words are the presentation table's
 * (cards/events), which storage may not import.
 */
export interface StatusSources {
  readonly desk: Pick<CaseDesk, 'casesFor' | 'readableBy'>;
  /** The person's staff roles from the directory (the chat's actor directory). */
  readonly actors?: { actorFor(person: { id: string; name: string }): Promise<Actor> };
  /** Open cases where the person is the DARS contact or holds the next step ("mine"). */
  readonly mine?: (personId: string) => Promise<CaseRecord[]>;
}

/** How many recent lines "status" shows per case; "history" shows them all (up to `historyLimit`). */
const recentLines = 3;
const historyLimit = 60;

export class ApplicantStatus {
  private readonly sources: StatusSources;

  constructor(
    sources: StatusSources | Pick<CaseDesk, 'casesFor' | 'readableBy'>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.sources = 'desk' in sources ? sources : { desk: sources };
  }

  /**
   * Every case the person is on, with its last few events. With `quietWhenNone`, no cases is an
   * empty string (mid-enquiry, where "you have no cases yet" would contradict the enquiry).
   */
  async describeCasesFor(person: { id: string; name: string }, options: { quietWhenNone?: boolean } = {}): Promise<string> {
    const { actor, cases } = await this.casesOf(person);
    if (cases.length === 0) return options.quietWhenNone ? '' : 'You have no DARS cases yet. Say **new enquiry** to start one.';
    return cases.map((state) => describeCaseWithHistory(state, actor, this.clock())).join('\n\n');
  }

  /** "history" (the newest case, naming the others) or "history DARS-2026-00042" (that case). */
  async describeHistoryFor(person: { id: string; name: string }, reference?: string): Promise<string> {
    const actor = await this.actorOf(person);
    if (reference) {
      const state = await this.sources.desk.readableBy(reference, actor);
      return state ? historyMessage(state, actor) : unseenCaseMessage(reference);
    }
    const { cases } = await this.casesOf(person);
    const [newest, ...others] = cases;
    if (!newest) return 'You have no DARS cases yet, so there is no history to show. Say **new enquiry** to start one.';
    const more = others.length > 0 ? `\n\nYour other cases: ${others.map((state) => state.reference).join(', ')}. Say **history** and a reference, for example **history ${others[0]!.reference}**.` : '';
    return `${historyMessage(newest, actor)}${more}`;
  }

  private async casesOf(person: { id: string; name: string }): Promise<{ actor: Actor; cases: CaseState[] }> {
    const actor = await this.actorOf(person);
    const own = await this.sources.desk.casesFor(person.id);
    const seen = new Set(own.map((state) => state.reference));
    const held = this.sources.mine ? (await this.sources.mine(person.id)).filter((record) => !seen.has(record._id)) : [];
    const others = (await Promise.all(held.map((record) => this.sources.desk.readableBy(record._id, actor)))).filter((state): state is CaseState => state !== undefined);
    return { actor, cases: [...own, ...others] };
  }

  private actorOf(person: { id: string; name: string }): Promise<Actor> {
    return this.sources.actors ? this.sources.actors.actorFor(person) : Promise.resolve({ ...person, roles: [] });
  }
}

/** One case's status line followed by its most recent events and how to see them all. */
function describeCaseWithHistory(state: CaseState, actor: Actor, now: Date): string {
  const lines = readableHistory(state, historyViewFor(rolesOnCase(actor, state)));
  const recent = lines.slice(-recentLines);
  if (recent.length === 0) return describeCase(state, actor.id, now);
  return `${describeCase(state, actor.id, now)}\n\nLatest:\n${recent.map(lineOf).join('\n')}\n\nSay **history ${state.reference}** for the whole history.`;
}

export function describeCase(state: CaseState, viewerId: string, now: Date): string {
  const status = caseStatus(state, now);
  const where = status.where.charAt(0).toUpperCase() + status.where.slice(1);
  const title = `**${status.reference}**${status.nicNumber ? ` (${status.nicNumber})` : ''}: ${where}.`;
  const next = status.nextAction;
  if (!next) return title;
  const holders = next.holders.map((holder) => (holder.kind === 'person' && holder.id === viewerId ? 'you' : plainInMarkdown(describeHolder(holder))));
  const due = next.due ? `, due by ${formatDate(next.due)}${status.overdue ? ' (overdue)' : ''}` : '';
  return `${title} Next: ${next.description} (${holders.join(', ') || 'DARS'})${due}.${evidenceStatusLine(state)}`;
}

function historyMessage(state: CaseState, actor: Actor): string {
  const lines = readableHistory(state, historyViewFor(rolesOnCase(actor, state)));
  const shown = lines.slice(-historyLimit);
  const earlier = lines.length > shown.length ? `- … ${lines.length - shown.length} earlier events\n` : '';
  return `**History of ${state.reference}**\n\n${earlier}${shown.map(lineOf).join('\n')}`;
}

/** A dated line; the sentence quotes people's words (names, reasons), so it is escaped. */
function lineOf(line: HistoryLine): string {
  return `- ${line.date}: ${plainInMarkdown(line.what)}`;
}
