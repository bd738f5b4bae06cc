import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { CaseQueries } from '../../services/storage/cases/caseQueries';
import { CaseStates } from '../../services/storage/cases/caseStates';
import { darsWorkflow, type DarsCaseCommands } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { describeEvent } from '../../cards/events/history';
import type { Actor, CaseCommand, CaseStatus } from '../../services/domain/workflow';
import { CaseDriver, driveTo } from '../workflow/support/driver';
import { freshDatabase } from '../support/testDatabase';

/** The case store on a fresh database of the real server, as the bot wires it. */
export async function caseStore(label: string, clock: () => Date = () => new Date()) {
  const { db } = freshDatabase(label);
  const log = new CaseLog(db);
  const index = new CaseIndex(db);
  await log.ensureIndexes();
  await index.ensureIndexes();
  const commands: DarsCaseCommands = new CaseCommands(log, index, darsWorkflow(cardsShowing));
  return { db, log, index, commands, queries: new CaseQueries(index, new CaseStates(log), describeEvent, clock) };
}

export interface RecordedCommand {
  readonly actor: Actor;
  readonly command: CaseCommand;
  readonly now: Date;
}

/** A workflow-test driver that remembers every command it issues. */
class RecordingDriver extends CaseDriver {
  readonly recorded: RecordedCommand[] = [];

  override attempt(actor: Actor, command: CaseCommand) {
    this.recorded.push({ actor, command, now: this.now });
    return super.attempt(actor, command);
  }
}

/**
 * The commands the workflow tests' driver issues to bring a case to `status`, in order, so the
 * same journey can be replayed through the store.
 */
export function commandsToReach(status: Exclude<CaseStatus, 'new'>): RecordedCommand[] {
  const driver = new RecordingDriver();
  driveTo(status, driver);
  return driver.recorded;
}

/** Replays recorded commands through the store, each under its own key; all must apply. */
export async function replay(commands: DarsCaseCommands, caseId: string, journey: readonly RecordedCommand[], keyPrefix = 'activity') {
  let last;
  for (const [i, step] of journey.entries()) {
    last = await commands.execute(step.command, {
      caseId,
      key: `${keyPrefix}-${i}`,
      now: step.now,
      context: { actor: step.actor, activityId: `${keyPrefix}-${i}`, now: step.now },
    });
    if (last.kind !== 'applied') throw new Error(`step ${i} (${step.command.type}) was ${last.kind}: ${'reason' in last ? last.reason : ''}`);
  }
  return last!;
}
