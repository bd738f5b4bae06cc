import { randomUUID } from 'node:crypto';

import type { DarsCaseCommands } from '../../../services/storage/cases/darsWorkflow';
import type { Actor, CaseCommand, CaseStatus, SectionName } from '../../../services/domain/workflow';
import { commandsToReach, replay, type RecordedCommand } from '../../cases/caseStoreFixture';
import { START } from '../../workflow/support/data';
import { ada } from '../../workflow/support/people';

/**
 * Cases for the journey tests, brought to a status with the real workflow: the workflow tests'
 * standard case (GP data, novel use, cohort file, service agreement), replayed through the store
 * under a reference and an applicant of the test's own, so tests on one database never share.
 */

/** Every test's "today": the day after the fixture's events (Monday 1 June 2026). */
export const TODAY = new Date('2026-06-02T10:00:00Z');

let counter = 0;

export function newApplicant(name = 'Ada Applicant'): Actor {
  return { id: randomUUID(), name, roles: [] };
}

export function newReference(): string {
  counter += 1;
  return `DARS-2026-${String(10_000 + counter).padStart(5, '0')}`;
}

export interface CaseSetup {
  /** Sections whose save is left out of the journey (for a case in drafting). */
  readonly withoutSections?: readonly SectionName[];
  /** Commands to run after the status is reached, as [actor, command]. */
  readonly then?: readonly (readonly [Actor | 'applicant', CaseCommand])[];
}

export async function caseAt(commands: DarsCaseCommands, status: Exclude<CaseStatus, 'new'>, applicant: Actor, setup: CaseSetup = {}): Promise<string> {
  const reference = newReference();
  const omitted = new Set(setup.withoutSections ?? []);
  const journey: RecordedCommand[] = commandsToReach(status)
    .filter((step) => !(step.command.type === 'saveApplicationSection' && omitted.has(step.command.section)))
    .map((step) => ({
      ...step,
      actor: step.actor.id === ada.id ? applicant : step.actor,
      command: step.command.type === 'submitEnquiry' ? { ...step.command, reference } : step.command,
    }));
  const then = (setup.then ?? []).map(([actor, command]): RecordedCommand => ({ actor: actor === 'applicant' ? applicant : actor, command, now: START }));
  await replay(commands, reference, [...journey, ...then], reference);
  return reference;
}
