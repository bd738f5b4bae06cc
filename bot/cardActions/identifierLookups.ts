import type { CardAction } from '../../cards/cardAction';
import type { CardActionContext } from '../../cards/verbs';
import { nicNumberPattern, type NicNumbers } from '../../services/storage/cases/nicNumbers';
import type { PeopleDirectory } from '../../services/integrations/people/peopleDirectory';
import { checkPermission, type CaseRole, type CaseState, type PermissionKey } from '../../services/domain/workflow';
import { email as emailSchema } from '../../services/domain/workflow/commands/fields';
import { describeError, type Logger } from '../runtime/logger';

/**
 * The identifiers staff no longer type: before the workflow decides, the bot looks up the data
 * controller signatory named by email (their Entra object id and name) and takes the NIC number
 * for an accepted application (a new one, or the existing one staff entered, checked unused).
 * Both are I/O, so they happen here, in the card action layer, and the pure workflow receives
 * the command with the answers in it. Both happen only once the permission table says the clicker
 * may take the decision now: someone who may not learns nothing about the directory, and claims
 * no NIC number.
 */
export type Lookups = { readonly context: Pick<CardActionContext, 'signatory' | 'nicNumber'> } | { readonly notice: string };

const lookupVerbs: Readonly<Record<string, PermissionKey>> = {
  'assessment.record': 'recordPreliminaryAssessment',
  'application.accept': 'acceptApplication',
};

export class IdentifierLookups {
  constructor(
    private readonly people: PeopleDirectory,
    private readonly nicNumbers: NicNumbers,
    private readonly logger: Logger,
  ) {}

  async forAction(action: Extract<CardAction, { kind: 'decision' }>, state: CaseState, roles: readonly CaseRole[], now: Date): Promise<Lookups> {
    const key = lookupVerbs[action.verb];
    if (!key) return { context: {} };
    // The table's own refusal, as the workflow would give it, before any look-up or claim. A card
    // showing an older version (a stale card, or Teams repeating a click already applied) is for
    // the case store to answer (the current card, or the first outcome), so for it only the role
    // must be right, not the stage the case has moved to.
    const permission = checkPermission(key, state, roles);
    const stale = action.version !== state.version;
    if (!('granted' in permission) && !(stale && permission.code === 'wrongStage')) return { notice: permission.reason };
    return key === 'recordPreliminaryAssessment' ? this.signatory(action, state) : this.nicNumber(action, state, now);
  }

  private async signatory(action: Extract<CardAction, { kind: 'decision' }>, state: CaseState): Promise<Lookups> {
    const typed = typeof action.data.signatoryEmail === 'string' ? action.data.signatoryEmail.trim() : '';
    // A malformed address is not looked up: the command's schema names the field.
    if (!emailSchema.safeParse(typed).success) return { context: {} };
    try {
      const lookup = await this.people.findByEmail(typed);
      return 'found' in lookup ? { context: { signatory: lookup.found } } : { notice: lookup.missing };
    } catch (error) {
      this.logger.warn('signatory lookup failed', { caseRef: state.reference, error: describeError(error) });
      return { notice: 'DARS Bot could not reach the directory to look up the data controller signatory just now, so nothing was recorded. Please try again in a minute.' };
    }
  }

  private async nicNumber(action: Extract<CardAction, { kind: 'decision' }>, state: CaseState, now: Date): Promise<Lookups> {
    // Already accepted (a stale card or a repeated click): nothing to claim; the store answers.
    if (state.nicNumber) return { context: { nicNumber: state.nicNumber } };
    const entered = typeof action.data.nicNumber === 'string' ? action.data.nicNumber.trim().toUpperCase() : '';
    if (entered === '') return { context: { nicNumber: await this.nicNumbers.issue(state.reference, now) } };
    // A malformed number is not claimed: the command's schema says what a NIC number looks like.
    if (!nicNumberPattern.test(entered)) return { context: {} };
    const claim = await this.nicNumbers.claim(state.reference, entered, now);
    if ('nicNumber' in claim) return { context: { nicNumber: claim.nicNumber } };
    // Which case holds it is not said: the clicker may not be allowed to see that case.
    return { notice: `${entered} is already the NIC number of another DARS case, so the application was not accepted. Check the number, or leave the box empty for DARS Bot to issue a new one.` };
  }
}
