import { CardFactory, MessageFactory, type Activity } from 'botbuilder';

import type { AdaptiveCard } from '../../cards/render';
import type { CaseStates } from '../../services/storage/cases/caseStates';
import type { OutboxEntry } from '../../services/storage/cases/outbox';
import type { CaseEvent, CaseState, Channel } from '../../services/domain/workflow';
import type { CardName } from '../../cards/caseCards';
import type { CaseEffect } from '../../cards/cardsShowing';
import { decisionMessages } from '../notices/decisionNotices';
import { channelOf, type CaseCardViews } from '../cardActions/caseCardViews';
import type { DeliveryReceipts } from './deliveryReceipts';
import type { DeliveryResult } from '../../services/domain/delivery/deliveryResult';
import { deadlineMessage } from './deadlineNoticeDelivery';
import { cardsListingFiles, type FileCopier } from './fileCopyDelivery';
import type { OutboxDelivery, WrittenCase } from './deliveryRoad';
import type { PostedCard, PostedCards } from '../cardActions/postedCards';
import type { SignatureSetup } from './signatureRequests';
import { signedCopyMessages, type SignedCopies } from './signedCopies';
import { resolveRecipient, targetKey, type Target } from './recipients';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { TeamsMessenger } from './teamsMessenger';
import { noticeText } from '../../services/domain/text/noticeText';

/**
 * How each outbox effect reaches Teams: the workflow's own and the cards that show each event
 * (cards/cardsShowing.ts; both are in the decision's one insert). Cards are rendered from the case as stored now, so a
 * late or retried delivery shows the current truth; each target of an effect is reached once.
 * "As stored" is the case log: its snapshot when no commit has overtaken it (two lookups by
 * `_id`; one when this process wrote the entry and so knows the case at its commit), else every commit folded — never the `cases` projection alone, which is written just
 * after the commit that holds the entry, so the road can see an entry before it (and after a
 * crash in between, until the next decision): a card rendered from that would show the case
 * before the decision, e.g. a signature card with nothing to sign. The notices of a decision
 * are worded on the case as it stood at each event, so they read the whole log.
 */
export interface DeliveryDependencies {
  readonly states: CaseStates;
  readonly messenger: TeamsMessenger;
  readonly views: CaseCardViews;
  readonly posted: PostedCards;
  readonly receipts: DeliveryReceipts;
  readonly staff: StaffDirectory;
  readonly channels: Record<Channel, string>;
  readonly signatures: SignatureSetup;
  readonly signedCopies: SignedCopies;
  /** Files people sent, copied to SharePoint with Graph (nothing to do without). */
  readonly fileCopies?: FileCopier;
}

export function outboxDeliveries(deps: DeliveryDependencies): OutboxDelivery {
  return async (caseId: string, entry: OutboxEntry, firstAttempt: boolean, written?: WrittenCase) => {
    const effect = entry.effect as CaseEffect;
    const current = effect.kind === 'eventNotices' ? await deps.states.fromLog(caseId) : await deps.states.current(caseId, written);
    if (!current.state) throw new Error(`Case ${caseId} has no events in the case log`);
    // On the first attempt no target can have a receipt yet: spare a read per target.
    const entryDeps = firstAttempt ? { ...deps, receipts: deps.receipts.noneYet() } : deps;
    return deliver(entryDeps, current.state, entry, effect, current.events ?? []);
  };
}

async function deliver(deps: DeliveryDependencies, state: CaseState, entry: OutboxEntry, effect: CaseEffect, events: readonly CaseEvent[]): Promise<DeliveryResult | void> {
  switch (effect.kind) {
    case 'postCard': {
      const card = await deps.views.forChannel(effect.card, state, effect.channel, effect.review ? { review: effect.review } : {});
      await cardOnce(deps, entry, state.reference, cardKey(effect.card, effect.review), undefined, () =>
        deps.messenger.postToChannel(deps.channels[effect.channel], cardMessage(card, cardSummary(state.reference, effect.card))),
      );
      return;
    }
    case 'sendCard':
      await eachTarget(await resolveRecipient(effect.to, state, deps.staff), (target) => sendCard(deps, state, entry, effect.card, target, {}));
      return;
    case 'requestSignature':
      // A request for a DSA version since regenerated has lapsed: its signatures would too.
      if (state.facts.dsa?.dsaVersion !== effect.dsaVersion) return;
      return deps.signatures.request(state, effect.party, effect.dsaVersion, effect.documentHash, (party, userId) =>
        sendCard(deps, state, entry, 'dsaSignature', { kind: 'person', id: userId }, { party }),
      );
    case 'notify': {
      const targets = (await resolveRecipient(effect.to, state, deps.staff)).filter((target) => !(target.kind === 'person' && target.id === entry.causedBy));
      await eachTarget(targets, (target) => sendText(deps, entry, target, noticeText(state.reference, effect.message)));
      return;
    }
    case 'eventNotices': {
      // One message per person (or channel) per decision, in the words of each event's notices (cards/events).
      const messages = await decisionMessages(events, effect.firstVersion, effect.lastVersion, entry.causedBy, deps.staff);
      await eachTarget(messages, (message) => sendText(deps, entry, message.target, `**${state.reference}**: ${message.text}`));
      return;
    }
    case 'updateCards':
      await updateCards(deps, state, effect.cards, entry.updatedInTurn);
      return;
    case 'withdrawSignatureRequests':
      await updateCards(deps, state, ['dsaSignature'], entry.updatedInTurn);
      return;
    case 'sendSignedCopy': {
      const messages = await signedCopyMessages(deps.signedCopies, state, effect);
      await eachTarget(messages, (message) => deps.receipts.once(entry.id, targetKey(message.target), async () => {
        if (message.target.kind === 'person') await deps.messenger.sendToPerson(message.target.id, cardMessage(message.card, message.summary));
      }));
      return;
    }
    case 'copyFileToLibrary': {
      const copied = deps.fileCopies ? await deps.fileCopies(state, effect.fileId, effect.sha256) : 'nothingToDo';
      if (copied === 'nothingToDo') return;
      if (copied !== 'copied') return copied;
      // Every time it is done (not only the first): a retry after a failed card update updates them.
      await updateCards(deps, state, cardsListingFiles);
      return;
    }
    case 'deadlineNotice': {
      const message = await deadlineMessage(state, effect.notice, effect.due, deps.staff);
      if (message) await eachTarget(message.targets, (target) => sendText(deps, entry, target, message.text));
      return;
    }
  }
}

async function sendText(deps: DeliveryDependencies, entry: OutboxEntry, target: Target, text: string): Promise<void> {
  await deps.receipts.once(entry.id, targetKey(target), async () => {
    if (target.kind === 'person') await deps.messenger.sendToPerson(target.id, MessageFactory.text(text));
    else await deps.messenger.postToChannel(deps.channels[target.channel], MessageFactory.text(text));
  });
}

/**
 * Reaches every target at once: each conversation is paced on its own, so a busy channel does
 * not hold up a person's notice. Every target is tried; the first failure is thrown afterwards
 * (receipts keep the ones reached from being reached again on the retry).
 */
async function eachTarget<T>(targets: readonly T[], send: (target: T) => Promise<void>): Promise<void> {
  const results = await Promise.allSettled(targets.map(send));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

async function sendCard(deps: DeliveryDependencies, state: CaseState, entry: OutboxEntry, name: CardName, target: Target, options: object): Promise<void> {
  if (target.kind === 'channel') {
    const card = await deps.views.forChannel(name, state, target.channel, options);
    await cardOnce(deps, entry, state.reference, name, undefined, () => deps.messenger.postToChannel(deps.channels[target.channel], cardMessage(card, cardSummary(state.reference, name))));
    return;
  }
  const card = await deps.views.forPerson(name, state, target.id, options);
  await cardOnce(deps, entry, state.reference, name, target.id, () => deps.messenger.sendToPerson(target.id, cardMessage(card, cardSummary(state.reference, name))));
}

/**
 * Sends a card for an entry once per place: the posted-card record, written after the send with
 * the entry's id, is its receipt (one write, where a receipt would be a second). On an entry's
 * first attempt nothing was sent yet, so there is nothing to look for.
 */
async function cardOnce(deps: DeliveryDependencies, entry: OutboxEntry, caseId: string, card: string, viewer: string | undefined, send: () => Promise<PostedCard>): Promise<void> {
  if (deps.receipts.mayExist && (await deps.posted.sentBy(entry.id, caseId, card, viewer))) return;
  const where = await send();
  await deps.posted.remember(caseId, card, where, entry.id, viewer);
}

/**
 * Re-renders, wherever they are, the named cards of the case, for everyone who sees them; except
 * the card a click came from, which that click's own turn updated (`updatedInTurn`).
 */
export async function updateCards(deps: DeliveryDependencies, state: CaseState, cards: readonly CardName[], updatedInTurn?: string): Promise<void> {
  const posted = await deps.posted.forCase(state.reference, cards.flatMap((card) => (card === 'review' ? ['review', 'review:assurance', 'review:agd', 'review:pag'] : [card])));
  await eachTarget(posted.filter((where) => where.activityId !== updatedInTurn), async (where) => {
    const [name, review] = where.card.split(':') as [CardName, 'assurance' | 'agd' | 'pag' | undefined];
    const options = review ? { review } : {};
    const card = where.viewer
      ? await deps.views.forPerson(name, state, where.viewer, options)
      : await deps.views.forChannel(name, state, channelOf(where.conversationId, deps.channels) ?? 'triage', options);
    await deps.messenger.update(where, cardMessage(card, cardSummary(state.reference, name)));
  });
}

/** A card as a message; `summary` is what Teams shows in notifications and the chat list. */
export function cardMessage(card: AdaptiveCard, summary: string): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)], summary };
}

export function cardKey(card: CardName, review?: string): string {
  return review ? `${card}:${review}` : card;
}

const titles: Partial<Record<CardName, string>> = {
  enquiryReview: 'new enquiry to review',
  review: 'review requested',
  dsaSignature: 'the Data Sharing Agreement is ready for your signature',
  caseStatus: 'case status',
};

/** What Teams shows for a case card in notifications and the chat list: the same wherever it is sent. */
export function cardSummary(reference: string, card: CardName): string {
  return `${reference}: ${cardTitle(card)}`;
}

function cardTitle(card: CardName): string {
  return titles[card] ?? card.replace(/([A-Z])/g, ' $1').toLowerCase();
}
