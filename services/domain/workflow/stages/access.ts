import { z } from 'zod';
import { compareDates, formatDate, londonDate } from '../../calendar/isoDate';
import { addWorkingDays } from '../../calendar/workingDays';
import { formatCount, plural } from '../../rules/reason';
import { isoDate, sha256, signatureFields, storedFileId, text } from '../commands/fields';
import { accept, refuse, type HandlerContext, type HandlerResult } from '../decision';
import { copyFileToLibrary } from '../effects';
import { accessItemNames, remainingAccessItems } from '../state/accessItems';
import { stampOf, withFacts } from '../evolve/helpers';
import type { CaseState } from '../state/caseState';
import type { AccessRecord } from '../state/records';
import type { Deciders, Evolvers } from './handlers';

/**
 * Stage 6, access: what remains after the DSA is signed. The cohort file is checked by
 * `checkCohortFile` when it is uploaded; the command carries the result of that check for the
 * file the bot itself read (never numbers typed on a card).
 */
export const accessCommandSchemas = [
  z.object({ type: z.literal('signServiceAgreement'), ...signatureFields }),
  z.object({ type: z.literal('cohortFileDue'), dueDate: isoDate }),
  z.object({
    type: z.literal('receiveCohortFile'),
    /** Where the bot stored the file's bytes (absent from commands made before files were kept). */
    fileId: storedFileId.optional(),
    fileName: text('the file name', 255),
    rows: z.number().int().min(0),
    contentHash: sha256,
    /** From the cohort file check: the file is only received when this is 0. */
    failingRows: z.number().int().min(0),
  }),
  z.object({ type: z.literal('arrangeAccess') }),
] as const;

export type AccessCommand = z.infer<(typeof accessCommandSchemas)[number]>;

/** Stage 6, access (DOMAIN.md): the service agreement and the cohort file, then access arranged. */
export const accessDeciders: Deciders<AccessCommand> = {
  signServiceAgreement: (state, command) => withAccess(state, (access) => {
    const reference = state.reference;
    if (!access.serviceAgreement.required) return refuse('conflict', `${reference} does not need a service agreement for its access service.`);
    if (access.serviceAgreement.signed) return refuse('conflict', `The service agreement for ${reference} was already signed by ${access.serviceAgreement.signed.by.name}.`);
    return accept(
      [{ type: 'serviceAgreementSigned', typedName: command.typedName, documentHash: command.documentHash }],
      [{ kind: 'sendSignedCopy', document: 'serviceAgreement', documentHash: command.documentHash }],
    );
  }),
  cohortFileDue: (state, command, ctx) => withAccess(state, (access) => {
    const reference = state.reference;
    if (!access.cohortFile.required) return refuse('conflict', `${reference} does not need a cohort file.`);
    if (access.cohortFile.files.length > 0) return refuse('conflict', `The cohort file for ${reference} has already been received.`);
    if (compareDates(command.dueDate, ctx.today) < 0) return refuse('invalid', `The due date, ${formatDate(command.dueDate)}, is in the past.`);
    const latest = latestCohortDueDate(state, ctx);
    if (latest && compareDates(command.dueDate, latest) > 0) {
      return refuse('invalid', `The DSA sets the cohort file due within ${plural(state.facts.dsa?.terms.cohortFileWithinWorkingDays ?? 0, 'working day')} of signature: by ${formatDate(latest)} at the latest.`);
    }
    return accept([{ type: 'cohortFileDueSet', dueDate: command.dueDate }]);
  }),
  receiveCohortFile: (state, command, ctx) => withAccess(state, (access) => {
    if (!access.cohortFile.required) return refuse('conflict', `${state.reference} does not need a cohort file.`);
    const nic = state.nicNumber ?? '';
    const problems: string[] = [];
    if (!command.fileName.startsWith(nic)) problems.push(`the file name must start with the NIC number, ${nic}`);
    if (command.rows === 0) problems.push('the file has no people in it');
    if (command.rows > ctx.rules.cohortFile.maxRows) problems.push(`it has ${formatCount(command.rows)} rows, more than the ${formatCount(ctx.rules.cohortFile.maxRows)} allowed`);
    if (command.failingRows > 0) problems.push(`${plural(command.failingRows, 'row')} failed the checks`);
    if (problems.length > 0) return refuse('invalid', `The cohort file cannot be accepted: ${problems.join('; ')}. Fix it and send it again.`);
    return accept(
      [{ type: 'cohortFileReceived', fileName: command.fileName, rows: command.rows, contentHash: command.contentHash, firstFile: access.cohortFile.files.length === 0, ...(command.fileId ? { fileId: command.fileId } : {}) }],
      command.fileId ? [copyFileToLibrary(command.fileId, command.contentHash)] : [],
    );
  }),
  arrangeAccess: (state) => withAccess(state, () => {
    const remaining = remainingAccessItems(state);
    if (remaining.length > 0) {
      return refuse('conflict', `Access cannot be arranged yet: ${remaining.map((item) => accessItemNames[item.item]).join('; ')}.`);
    }
    return accept([{ type: 'accessArranged' }]);
  }),
};

function withAccess(state: CaseState, decide: (access: AccessRecord) => HandlerResult): HandlerResult {
  const access = state.facts.access;
  return access ? decide(access) : refuse('conflict', `${state.reference} has no signed DSA yet.`);
}

/** The last day the DSA allows for the cohort file: N working days after it was signed. */
export function latestCohortDueDate(state: CaseState, ctx: Pick<HandlerContext, 'calendar'>): string | undefined {
  const dsa = state.facts.dsa;
  const within = dsa?.terms.cohortFileWithinWorkingDays;
  if (!dsa?.executed || within === undefined) return undefined;
  return addWorkingDays(londonDate(new Date(dsa.executed.at)), within, ctx.calendar);
}

export const accessEvolvers: Evolvers<'serviceAgreementSigned' | 'cohortFileDueSet' | 'cohortFileReceived' | 'accessArranged'> = {
  serviceAgreementSigned: (state, event) => withAccessRecord(state, (access) => ({
    ...access, serviceAgreement: { ...access.serviceAgreement, signed: { ...stampOf(event), typedName: event.typedName, documentHash: event.documentHash } },
  })),
  cohortFileDueSet: (state, event) => withAccessRecord(state, (access) => ({ ...access, cohortFile: { ...access.cohortFile, dueDate: event.dueDate } })),
  cohortFileReceived: (state, event) => withAccessRecord(state, (access) => {
    const file = { ...(event.fileId ? { fileId: event.fileId } : {}), fileName: event.fileName, rows: event.rows, contentHash: event.contentHash, firstFile: event.firstFile, received: stampOf(event) };
    return { ...access, cohortFile: { ...access.cohortFile, files: [...access.cohortFile.files, file] } };
  }),
  accessArranged: (state, event) => {
    const access = state.facts.access;
    return access ? withFacts(state, { access: { ...access, arranged: stampOf(event) } }, 'accessArranged') : state;
  },
};

/** An access event changes the access record, which the executed DSA created. */
function withAccessRecord(state: CaseState, update: (access: AccessRecord) => AccessRecord): CaseState {
  const access = state.facts.access;
  return access ? withFacts(state, { access: update(access) }) : state;
}
