import { z } from 'zod';
import { accessCommandSchemas, type AccessCommand } from '../stages/access';
import { applicationCommandSchemas, type ApplicationCommand } from '../stages/application';
import { assuranceCommandSchemas, type AssuranceCommand } from '../stages/assurance';
import { dsaCommandSchemas, type DsaCommand } from '../stages/dsa';
import { enquiryCommandSchemas, type EnquiryCommand } from '../stages/enquiry';
import { evidenceCommandSchemas, type EvidenceCommand } from '../stages/evidence';
import { lifecycleCommandSchemas, type LifecycleCommand } from '../stages/lifecycle';
import { preliminaryAssessmentCommandSchemas, type PreliminaryAssessmentCommand } from '../stages/preliminaryAssessment';

/**
 * Every decision a person can make on a case, one command each, discriminated by `type`: the
 * union of the schemas each stage module declares beside its deciders (stages/<stage>.ts).
 * Card data and dialogs are parsed with `parseCommand`; `decide` parses again, so a command
 * built in code is held to the same rules.
 */
export const caseCommandSchema = z.discriminatedUnion('type', [
  ...enquiryCommandSchemas,
  ...preliminaryAssessmentCommandSchemas,
  ...applicationCommandSchemas,
  ...assuranceCommandSchemas,
  ...dsaCommandSchemas,
  ...accessCommandSchemas,
  ...evidenceCommandSchemas,
  ...lifecycleCommandSchemas,
]);

export type CaseCommand =
  | EnquiryCommand
  | PreliminaryAssessmentCommand
  | ApplicationCommand
  | AssuranceCommand
  | DsaCommand
  | AccessCommand
  | EvidenceCommand
  | LifecycleCommand;
export type CommandType = CaseCommand['type'];
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { type: T }>;

export type { EnquiryCommand, PreliminaryAssessmentCommand, ApplicationCommand, AssuranceCommand, DsaCommand, AccessCommand, EvidenceCommand, LifecycleCommand };

export type ParsedCommand = { ok: true; command: CaseCommand } | { ok: false; problem: string };

/** Parses untrusted input into a command, or says which field is wrong and what it needs. */
export function parseCommand(input: unknown): ParsedCommand {
  const parsed = caseCommandSchema.safeParse(input);
  if (parsed.success) return { ok: true, command: parsed.data };
  const type = typeof input === 'object' && input !== null && 'type' in input ? String(input.type) : undefined;
  const problems = parsed.error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.map(String).join('.');
    if (field === 'type') return `“${type ?? ''}” is not a command DARS Bot knows`;
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  const subject = type ? `The ${type} command` : 'The command';
  return { ok: false, problem: `${subject} cannot be used as sent — ${problems.join('; ')}.` };
}
