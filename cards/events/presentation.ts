import type { ReviewKind } from '../../services/domain/rules/reviews';
import { plainInMarkdown } from '../../services/domain/text/markdownText';
import type { CaseEventType, CaseState, Channel, EventOf, Recipient } from '../../services/domain/workflow';

/**
 * How each event is presented, outside the pure workflow (whose deciders only say what happened):
 * one entry per event type, written beside the other events of its stage (cards/events/<stage>.ts)
 * and joined in cards/events/index.ts, whose type makes `tsc` name an event without one.
 *
 * - `cards`: which cards show the event, and where — post a card in a channel, send one in 1:1
 *   chat, re-render the cards already out — or deliberately none ('none'). The effects name
 *   cards, never their content: the outbox renders each from the stored case when it delivers.
 *   They are added to the decision's outbox at decision time (cards/cardsShowing.ts, injected
 *   into the store's workflow adapter), so the commit still holds them in its one insert.
 * - `notices`: who is told, in which words — or deliberately no one ('silent', with the reason
 *   beside it). Delivered from the decision's `eventNotices` effect (bot/notices).
 * - `history`: the event as one plain-English sentence for the history people read (the status
 *   card's timeline, "history" in chat); `who` is the actor's name as the reader sees it.
 * - `readers`: whether the applicant's side reads it in the history ('staff': staff only), and
 *   `applicantWords` where the applicant's side reads it in other words than staff.
 */
export interface EventPresentation<T extends CaseEventType> {
  readonly cards: CardRule<T> | 'none';
  readonly notices: NoticeRule<T> | 'silent';
  readonly history: HistoryRule<T>;
  readonly readers: 'everyone' | 'staff';
  readonly applicantWords?: (event: EventOf<T>) => string;
}

/** Each stage's events (every key an event type, checked; the join checks every event has one). */
export type StagePresentations = { readonly [T in CaseEventType]?: EventPresentation<T> };

/** The case just before the event and just after it (`before` is undefined for the first event). */
export interface EventContext {
  readonly before: CaseState | undefined;
  readonly after: CaseState;
}

/**
 * A card effect, by the card's name (`N`: the names the events use are checked against the card
 * table in cards/caseCards.ts, which is where `CardName` is defined).
 */
export type CardEffect<N extends string = string> =
  /** Post a new card for this case in a channel; `review` says which review card. */
  | { readonly kind: 'postCard'; readonly channel: Channel; readonly card: N; readonly review?: ReviewKind }
  /** Re-render, wherever they were posted or sent, the cards of these names for this case. */
  | { readonly kind: 'updateCards'; readonly cards: readonly N[] }
  /** Send a card in 1:1 chat (installing the bot for the person first if needed). */
  | { readonly kind: 'sendCard'; readonly to: Recipient; readonly card: N };

/** Every card the case shows re-renders (the case is over: without buttons); cardsShowing.ts names them all. */
export interface EveryCard {
  readonly kind: 'everyCard';
}

export type CardRule<T extends CaseEventType> = (event: EventOf<T>, context: EventContext) => readonly (CardEffect | EveryCard)[];

export const postCard = <N extends string>(channel: Channel, card: N, review?: ReviewKind): CardEffect<N> =>
  review ? { kind: 'postCard', channel, card, review } : { kind: 'postCard', channel, card };
export const updateCards = <N extends string>(...cards: N[]): CardEffect<N> => ({ kind: 'updateCards', cards });
export const sendCard = <N extends string>(to: Recipient, card: N): CardEffect<N> => ({ kind: 'sendCard', to, card });
export const everyCard: EveryCard = { kind: 'everyCard' };

/** Where each review's card is posted, and its channel told. */
export const reviewChannel: Readonly<Record<ReviewKind, Channel>> = { assurance: 'assurance', agd: 'agd', pag: 'pag' };

/**
 * One notice: who, and the words. Text is chat Markdown: the bot's own words, with people's words
 * (reasons, conditions, advice) escaped by `quoted` so they read exactly as typed. The delivery
 * prefixes the case reference in bold, drops the person who made the decision (they saw it in
 * their own turn) and joins what one person is told of one decision into one message.
 */
export interface Notice {
  readonly to: Recipient;
  readonly text: string;
}

export type NoticeRule<T extends CaseEventType> = (event: EventOf<T>, context: EventContext) => Notice[];

/** The history's sentence; it says who did what (long answers stay on their cards). */
export type HistoryRule<T extends CaseEventType> = (event: EventOf<T>, who: string) => string;

export const to = (recipient: Recipient, text: string): Notice => ({ to: recipient, text });
export const quoted = (words: string): string => plainInMarkdown(words);
/** A Markdown list of what people typed, one per line. */
export const listOf = (items: readonly string[]): string => items.map((item) => `- ${quoted(item)}`).join('\n');
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
