import { recordFields, type CaseRecord } from '../../services/storage/cases/caseIndex';
import { storedSnapshot, type StoredSnapshot } from '../../services/storage/cases/caseSnapshots';
import { sealCommit, type CaseCommit } from '../../services/storage/cases/caseLog';
import { genesisHash } from '../../services/storage/cases/commitChain';
import { newOutboxEntry } from '../../services/storage/cases/outbox';
import { caseIndexFields, type Actor, type CaseCommand, type CaseEvent, type CaseState } from '../../services/domain/workflow';
import type { CaseEffect, PresentedDecision } from '../../cards/cardsShowing';
import { NIC, REFERENCE } from '../../test/workflow/support/data';
import { CaseDriver, driveTo } from '../../test/workflow/support/driver';
import { ada, dana, mo, sam } from '../../test/workflow/support/people';
import type { PlannedCase, SeededStatus } from './population';

/**
 * Template journeys: the workflow tests' standard case driven to a status by the real, pure
 * workflow (`decide` + `evolve`, the same steps `commandsToReach` records) on a given day, kept
 * as JSON text in which the case's reference, NIC number, people and activity ids are slots.
 * Cloning a template into a case fills the slots and parses: far cheaper than deciding ~30
 * commands per case, and every clone is a journey the workflow really accepted.
 */

export interface RecordedStep {
  readonly actor: Actor;
  readonly command: CaseCommand;
  readonly now: Date;
}

/** What one commit of a template holds before it is given ids. */
interface CommitShape {
  readonly base: number;
  readonly version: number;
  readonly events: CaseEvent[];
  readonly effects: CaseEffect[];
}

export interface CaseTemplate {
  readonly status: SeededStatus;
  readonly day: string;
  /** The commands that built it, for replaying the journey through the store (the probe). */
  readonly steps: readonly RecordedStep[];
  readonly commitCount: number;
  readonly commits: SlottedText;
  readonly state: SlottedText;
}

/** The case documents the store would hold after the journey. */
export interface ClonedCase {
  readonly record: CaseRecord;
  readonly commits: CaseCommit<CaseEvent>[];
  readonly snapshot: StoredSnapshot;
  /** Characters of JSON behind the documents: how big what the server stores is. */
  readonly recordChars: number;
  readonly commitChars: number;
}

/** A workflow-test driver that remembers the commands it issues, like the store fixture's. */
class JourneyRecorder extends CaseDriver {
  readonly steps: RecordedStep[] = [];

  override attempt(actor: Actor, command: CaseCommand): PresentedDecision {
    this.steps.push({ actor, command, now: this.now });
    return super.attempt(actor, command);
  }
}

/** The template cast's ids and names, and what each becomes in a clone. */
const slots: readonly [string, (c: PlannedCase) => string][] = [
  [REFERENCE, (c) => c.reference],
  [NIC, (c) => c.nicNumber],
  [ada.id, (c) => c.applicant.id],
  [ada.name, (c) => c.applicant.name],
  [mo.id, (c) => c.member.id],
  [mo.name, (c) => c.member.name],
  [dana.id, (c) => c.contact.id],
  [dana.name, (c) => c.contact.name],
  [sam.id, (c) => c.triage.id],
  [sam.name, (c) => c.triage.name],
  // The driver's activity ids ("activity-7") become the idempotency keys: unique per case.
  ['"activity-', (c) => `"${keyPrefix(c.reference)}`],
];

/** The idempotency key of a clone's n-th decision is `<reference>/activity-<n>`. */
export function keyPrefix(reference: string): string {
  return `${reference}/activity-`;
}

export function buildTemplate(status: SeededStatus, day: string): CaseTemplate {
  const driver = driveTo(status, new JourneyRecorder(undefined, new Date(`${day}T09:00:00Z`))) as JourneyRecorder;
  if (driver.state?.status !== status) throw new Error(`The ${status} journey ended at ${driver.state?.status}`);

  const commits: CommitShape[] = [];
  let version = 0;
  for (const decision of driver.decisions) {
    if (decision.outcome !== 'accepted') continue;
    commits.push({ base: version, version: version + decision.events.length, events: decision.events, effects: decision.effects });
    version += decision.events.length;
  }
  const tokens = slots.map(([token]) => token);
  return {
    status,
    day,
    steps: driver.steps,
    commitCount: commits.length,
    commits: new SlottedText(JSON.stringify(commits), tokens),
    state: new SlottedText(JSON.stringify(driver.state), tokens),
  };
}

/**
 * The documents `CaseCommands` would have written for this journey: one commit per decision
 * (`<caseId>#<base>`, its key, events and outbox, sealed in the hash chain) and the `cases` record as `CaseIndex.write`
 * stores it (`caseIndexFields(state)`, version, updatedAt, createdAt).
 */
export function cloneCase(template: CaseTemplate, planned: PlannedCase): ClonedCase {
  const values = slots.map(([, value]) => value(planned));
  const stateJson = template.state.render(values);
  const commitJson = template.commits.render(values);
  const state = JSON.parse(stateJson) as CaseState;
  const shapes = JSON.parse(commitJson) as CommitShape[];

  const caseId = planned.reference;
  // Sealed one after another, as CaseCommands chains them: each points at the hash before it.
  let previousHash = genesisHash;
  const commits = shapes.map((shape): CaseCommit<CaseEvent> => {
    const at = new Date(shape.events[0].at);
    // As CaseCommands builds them: the decision's time, and who caused it (notices skip them).
    const causedBy = shape.events[0].actor.id;
    const { outboxPending: _pending, ...sealed } = sealCommit<CaseEvent>({
      _id: `${caseId}#${shape.base}`,
      caseId,
      base: shape.base,
      version: shape.version,
      key: shape.events[0].activityId,
      events: shape.events,
      outbox: shape.effects.map((effect) => newOutboxEntry(effect, at, causedBy)),
      committedAt: at,
      previousHash,
    });
    previousHash = sealed.hash;
    // Seeded history was delivered long ago: nothing is pending for the outbox worker.
    return { ...sealed, pendingOutbox: [] };
  });
  const record: CaseRecord = {
    _id: caseId,
    ...recordFields(caseIndexFields(state), state.version),
    updatedAt: commits[commits.length - 1].committedAt,
    createdAt: new Date(state.openedAt),
  };
  // As CaseCommands writes it beside the record: what decisions and status read.
  const snapshot = storedSnapshot(caseId, { state, version: state.version, head: previousHash }, record.updatedAt);
  return { record, commits, snapshot, recordChars: JSON.stringify(record).length, commitChars: commitJson.length };
}

/** Text with slots at every occurrence of some tokens; `render` fills them in one pass. */
export class SlottedText {
  private readonly parts: string[] = [];
  private readonly slotAt: number[] = [];

  constructor(text: string, tokens: readonly string[]) {
    const pattern = new RegExp(tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    let from = 0;
    for (const match of text.matchAll(pattern)) {
      this.parts.push(text.slice(from, match.index));
      this.slotAt.push(tokens.indexOf(match[0]));
      from = match.index + match[0].length;
    }
    this.parts.push(text.slice(from));
  }

  render(values: readonly string[]): string {
    let out = this.parts[0];
    for (let i = 0; i < this.slotAt.length; i++) out += values[this.slotAt[i]] + this.parts[i + 1];
    return out;
  }
}
