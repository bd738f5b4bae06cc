import { compareDates, formatDate, londonDate } from '../../calendar/isoDate';
import { addWorkingDays } from '../../calendar/workingDays';
import { formatCount, plural } from '../../rules/reason';
import type { AccessCommand } from '../commands';
import { accept, refuse, type HandlerContext, type HandlerResult } from '../decision';
import { allCaseCards, copyFileToLibrary, sendCard, updateCards } from '../effects';
import { accessItemNames, remainingAccessItems } from '../state/accessItems';
import type { CaseState } from '../state/caseState';

/**
 * The cards of the access items. The items proceed side by side, but each decision on one moves
 * the case to a new version, which would leave the other's card showing an older case (and its
 * buttons answering "this case has moved on"): every access decision re-renders both.
 */
const accessCards = ['serviceAgreementSignature', 'cohortFile'] as const;

/** Stage 6, access (DOMAIN.md): the service agreement and the cohort file, then access arranged. */
export function decideAccess(state: CaseState, command: AccessCommand, ctx: HandlerContext): HandlerResult {
  const access = state.facts.access;
  const reference = state.reference;
  if (!access) return refuse('conflict', `${reference} has no signed DSA yet.`);
  switch (command.type) {
    case 'signServiceAgreement':
      if (!access.serviceAgreement.required) return refuse('conflict', `${reference} does not need a service agreement for its access service.`);
      if (access.serviceAgreement.signed) return refuse('conflict', `The service agreement for ${reference} was already signed by ${access.serviceAgreement.signed.by.name}.`);
      return accept(
        [{ type: 'serviceAgreementSigned', typedName: command.typedName, documentHash: command.documentHash }],
        [updateCards(...accessCards), { kind: 'sendSignedCopy', document: 'serviceAgreement', documentHash: command.documentHash }],
      );
    case 'cohortFileDue': {
      if (!access.cohortFile.required) return refuse('conflict', `${reference} does not need a cohort file.`);
      if (access.cohortFile.files.length > 0) return refuse('conflict', `The cohort file for ${reference} has already been received.`);
      if (compareDates(command.dueDate, ctx.today) < 0) return refuse('invalid', `The due date, ${formatDate(command.dueDate)}, is in the past.`);
      const latest = latestCohortDueDate(state, ctx);
      if (latest && compareDates(command.dueDate, latest) > 0) {
        return refuse('invalid', `The DSA sets the cohort file due within ${plural(state.facts.dsa?.terms.cohortFileWithinWorkingDays ?? 0, 'working day')} of signature: by ${formatDate(latest)} at the latest.`);
      }
      return accept(
        [{ type: 'cohortFileDueSet', dueDate: command.dueDate }],
        [updateCards(...accessCards), sendCard('applicantTeam', 'cohortFile')],
      );
    }
    case 'receiveCohortFile': {
      if (!access.cohortFile.required) return refuse('conflict', `${reference} does not need a cohort file.`);
      const nic = state.nicNumber ?? '';
      const problems: string[] = [];
      if (!command.fileName.startsWith(nic)) problems.push(`the file name must start with the NIC number, ${nic}`);
      if (command.rows === 0) problems.push('the file has no people in it');
      if (command.rows > ctx.rules.cohortFile.maxRows) problems.push(`it has ${formatCount(command.rows)} rows, more than the ${formatCount(ctx.rules.cohortFile.maxRows)} allowed`);
      if (command.failingRows > 0) problems.push(`${plural(command.failingRows, 'row')} failed the checks`);
      if (problems.length > 0) return refuse('invalid', `The cohort file cannot be accepted: ${problems.join('; ')}. Fix it and send it again.`);
      return accept(
        [{ type: 'cohortFileReceived', fileName: command.fileName, rows: command.rows, contentHash: command.contentHash, firstFile: access.cohortFile.files.length === 0, ...(command.fileId ? { fileId: command.fileId } : {}) }],
        [updateCards(...accessCards), ...(command.fileId ? [copyFileToLibrary(command.fileId, command.contentHash)] : [])],
      );
    }
    case 'arrangeAccess': {
      const remaining = remainingAccessItems(state);
      if (remaining.length > 0) {
        return refuse('conflict', `Access cannot be arranged yet: ${remaining.map((item) => accessItemNames[item.item]).join('; ')}.`);
      }
      // The case is over: every card it showed re-renders without buttons ("Take over from …", "Next: arrange access").
      return accept([{ type: 'accessArranged' }], [updateCards(...allCaseCards)]);
    }
  }
}

/** The last day the DSA allows for the cohort file: N working days after it was signed. */
export function latestCohortDueDate(state: CaseState, ctx: Pick<HandlerContext, 'calendar'>): string | undefined {
  const dsa = state.facts.dsa;
  const within = dsa?.terms.cohortFileWithinWorkingDays;
  if (!dsa?.executed || within === undefined) return undefined;
  return addWorkingDays(londonDate(new Date(dsa.executed.at)), within, ctx.calendar);
}
