import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';

import type { CardAction } from '../../cards/cardAction';
import type { CardOptions } from '../../cards/frame/cardViewer';
import { cardVerbs, commandFromCardAction, type CardActionContext } from '../../cards/verbs';
import { dsaTermsFromCard } from '../../cards/actions/dsaTermsInputs';
import { unseenCaseCard } from '../../cards/unseenCaseCard';
import { personOf } from '../../dialogs/personOf';
import { serviceAgreementDocument } from '../../services/domain/access/serviceAgreement';
import type { CaseDesk } from '../../services/storage/cases/caseDesk';
import type { LoadedDarsCase } from '../../services/storage/cases/caseStates';
import { renderDsaDocument } from '../../services/domain/dsa/dsaDocument';
import type { DsaDocumentStore } from '../../services/storage/dsa/dsaDocumentStore';
import { canRead, type CaseState, type Channel } from '../../services/domain/workflow';
import { type CardName } from '../../cards/caseCards';
import { refusalBeforeRenderingDsa, staleCardNotice } from './cardActionChecks';
import { channelOf, type CaseCardViews } from './caseCardViews';
import type { IdentifierLookups } from './identifierLookups';
import { describeError, type Logger } from '../runtime/logger';
import { turnLogger } from '../runtime/turnLogger';
import { cardMessage, cardSummary } from '../delivery/outboxDeliveries';
import type { StaffDirectory } from '../staff/staffDirectory';

/**
 * Universal Actions: a click on a staff or signatory card is routed by verb to a workflow
 * command. The actor is the clicker's Entra id with their roles; the card's data gives only the
 * case id, the version it showed, and the inputs. Someone the read table does not let see the
 * case gets a bare card that says no more than for a reference that does not exist. Otherwise
 * the answer is the card re-rendered from the stored case: after a decision, with the decision;
 * on a stale card or a second click, the case as it is now; on a refusal or bad input, with the
 * reason and nothing changed. A decision also updates the clicked card in place for everyone
 * (`updateActivity` on `replyToId`), once, before answering, so the clicker's own view (the
 * invoke response) is the last word for them; the decision's outbox updates every other card it
 * names and skips this one.
 */
export class CardActions {
  constructor(
    private readonly desk: CaseDesk,
    private readonly views: CaseCardViews,
    private readonly staff: StaffDirectory,
    private readonly dsaDocuments: DsaDocumentStore,
    private readonly channels: Record<Channel, string>,
    private readonly logger: Logger,
    private readonly lookups: IdentifierLookups,
  ) {}

  /** The answer to an Action.Execute invoke: the card to show the clicker. */
  async invoke(context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const answer = await this.handle(context, action);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer.card };
  }

  /** The Action.Submit fallback (older clients): the decision is the same; the card comes as a reply. */
  async submit(context: TurnContext, action: CardAction): Promise<void> {
    const answer = await this.handle(context, action);
    await context.sendActivity(cardMessage(answer.card as never, `${action.caseId}`));
  }

  private async handle(context: TurnContext, action: CardAction): Promise<{ card: Record<string, unknown> }> {
    // One read of the case — its snapshot — for the checks, the command and the decision.
    const first = await this.desk.load(action.caseId, action.kind === 'decision' ? action.version : undefined);
    const answer = await this.answer(context, action, first);
    // A decision checks the snapshot's currency by its own commit. Any other answer rests on the
    // snapshot, which a commit this instant may have overtaken: then answer on the case as it is.
    if (answer.decided || !(await this.desk.trails(action.caseId, first))) return answer;
    return this.answer(context, action, await this.desk.loadFromLog(action.caseId));
  }

  private async answer(context: TurnContext, action: CardAction, loaded: LoadedDarsCase): Promise<{ card: Record<string, unknown>; decided?: true }> {
    const state = loaded.state;
    const person = personOf(context);
    // The read table first: no case, and a case this person may not see, get the same bare card.
    const viewer = state ? await this.views.viewer(state, person.id) : undefined;
    if (!state || !viewer || !canRead(state, viewer.roles)) return { card: unseenCaseCard(action.caseId) };
    // A verb's button sits on one card only (the verb table, checked by test/cards/buttons.test.ts):
    // that is the card clicked, known without trusting the card's data or looking up the post.
    const cardName = action.kind === 'refresh' ? action.card : cardVerbs[action.verb].card;
    const cardOptions: CardOptions = action.kind === 'refresh' ? { ...(action.review ? { review: action.review } : {}), ...(action.party ? { party: action.party } : {}) } : reviewAndParty(action.data);

    if (action.kind === 'refresh') return this.render(cardName, state, person.id, cardOptions);

    const actor = await this.staff.actorFor(person);
    const early = action.verb === 'dsa.generate' ? refusalBeforeRenderingDsa(state, loaded.events ?? [], action.version, actor) : undefined;
    if (early) return this.render(cardName, state, person.id, { ...cardOptions, notice: early, noticeFor: action.verb });
    // Identifiers looked up for the command (signatory by email, NIC number), once the clicker may decide.
    const looked = await this.lookups.forAction(action, state, viewer.roles, new Date());
    if ('notice' in looked) return this.render(cardName, state, person.id, { ...cardOptions, notice: looked.notice, noticeFor: action.verb });
    const parsed = commandFromCardAction(action.verb, action.data, { ...(await this.commandContext(action, state)), ...looked.context });
    if (!parsed.ok) return this.render(cardName, state, person.id, { ...cardOptions, notice: parsed.problem, noticeFor: action.verb });

    const replyToId = context.activity.replyToId;
    const result = await this.desk.execute({
      reference: action.caseId,
      command: parsed.command,
      actor,
      key: context.activity.id ?? `${action.caseId}:${action.verb}:${Date.now()}`,
      shown: { version: action.version, ...(action.shown ? { fingerprint: action.shown } : {}) },
      loaded,
      // This turn updates the clicked card for everyone; the decision's card updates leave it be.
      ...(replyToId ? { updatedInTurn: replyToId } : {}),
    });
    turnLogger(context, this.logger).child({ caseRef: action.caseId }).info('card decision', { verb: action.verb, outcome: result.kind });

    // A replayed activity id answers with the case it was first applied to: show only this one.
    const current = result.state?.reference === state.reference ? result.state : state;
    const decided = { decided: true as const };
    if (result.kind === 'refused') return { ...(await this.render(cardName, current, person.id, { ...cardOptions, notice: result.reason, noticeFor: action.verb })), ...decided };
    if (result.kind === 'stale') return { ...(await this.render(cardName, current, person.id, { ...cardOptions, notice: staleCardNotice })), ...decided };
    await this.updateForEveryone(context, cardName, current, cardOptions);
    return { ...(await this.render(cardName, current, person.id, cardOptions)), ...decided };
  }

  /** What a command needs beyond the card's inputs: the stored case, and documents the bot renders. */
  private async commandContext(action: Extract<CardAction, { kind: 'decision' }>, state: CaseState): Promise<CardActionContext> {
    if (action.verb !== 'dsa.generate') return { state, serviceAgreementDocument };
    const terms = dsaTermsFromCard(action.data);
    if (!terms.ok) return { state };
    // The document is rendered from the case and the terms on the card; its hash is what both
    // signatories will sign, so the bytes are kept for the signature routing.
    const document = await renderDsaDocument(state, { terms: terms.terms });
    await this.dsaDocuments.save(action.caseId, document);
    return { state, dsaDocument: { documentName: document.fileName, contentHash: document.sha256 } };
  }

  private async render(name: CardName, state: CaseState, personId: string, options: CardOptions): Promise<{ card: Record<string, unknown> }> {
    // The status card tells DARS staff whether the case's history verifies (its hash chain).
    const history = name === 'caseStatus' ? await this.desk.history.verifyCase(state.reference) : undefined;
    return { card: await this.views.forPerson(name, state, personId, { serviceAgreementDocument, ...options, ...(history ? { history } : {}) }) };
  }

  /** The card that was clicked, re-rendered for everyone in that conversation. */
  private async updateForEveryone(context: TurnContext, name: CardName, state: CaseState, options: CardOptions): Promise<void> {
    const replyToId = context.activity.replyToId;
    if (!replyToId) return;
    const channel = channelOf(context.activity.conversation.id, this.channels);
    const withDocument = { serviceAgreementDocument, ...options };
    const card = channel
      ? await this.views.forChannel(name, state, channel, withDocument)
      : await this.views.forPerson(name, state, personOf(context).id, withDocument);
    try {
      await context.updateActivity({ ...cardMessage(card, cardSummary(state.reference, name)), id: replyToId });
    } catch (error) {
      // The decision stands; the card's own refresh shows it even if this update failed.
      turnLogger(context, this.logger).child({ caseRef: state.reference }).warn('card update failed', { error: describeError(error) });
    }
  }
}

function reviewAndParty(data: Record<string, unknown>): CardOptions {
  const review = data.review === 'assurance' || data.review === 'agd' || data.review === 'pag' ? data.review : undefined;
  const party = data.party === 'nhse' || data.party === 'dataController' ? data.party : undefined;
  return { ...(review ? { review } : {}), ...(party ? { party } : {}) };
}
