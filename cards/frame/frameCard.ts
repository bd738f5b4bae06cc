import { permissions, type CaseState, type PermissionKey } from '../../services/domain/workflow';
import { cardByteBudget, cardSize, renderCard, renderTemplate, type AdaptiveCard } from '../render';
import headerTemplate from '../templates/caseHeader.json';
import noticeTemplate from '../templates/notice.json';
import { caseHeaderData } from './caseHeader';
import { placeNotice } from './noticePlacement';
import type { CardOptions, CardViewer } from './cardViewer';

/**
 * What every case card shares: the notice banner (next to the button it answers: noticePlacement.ts), the case header, the Universal Actions
 * `refresh`, the data every button carries (`caseId`, and `version`: the case version the card
 * shows, so a click on an older card gets the current one; signature and review cards add `shown`,
 * a fingerprint of what they show, so only a change to that makes them stale), and the size budget.
 */
export interface CardFrame {
  readonly state: CaseState;
  readonly viewer: CardViewer;
  readonly now: Date;
  readonly options: CardOptions;
  readonly title: string;
  /**
   * The card's name in the card table (caseCards.ts), which a refresh carries back. A string: the
   * card table imports every builder, so a builder cannot import its `CardName` (an import circle);
   * `test/cards/everyCard.test.ts` renders every card by name and checks its refresh names it.
   */
  readonly card: string;
  /** The commands this card's buttons issue: while someone could issue one, the card refreshes. */
  readonly actions: readonly PermissionKey[];
  /** Which review or signatory party the card is for, so a refresh renders the same card. */
  readonly refreshData?: Readonly<Record<string, string>>;
  /**
   * More of the body, built by the card's own code (already literal text), after the template's:
   * e.g. the evidence checklist. Before the notice is placed, so a notice stays by its button.
   */
  readonly extraBody?: readonly unknown[];
}

export const maxRefreshUserIds = 60;

export function frameCard(template: object, data: object, frame: CardFrame): AdaptiveCard {
  const { state, options } = frame;
  const card = renderCard(template, { caseId: state.reference, version: state.version, ...data });
  const notice = options.notice?.trim() ? renderTemplate(noticeTemplate, { notice: options.notice.trim() }) : undefined;
  const header = renderTemplate(headerTemplate, caseHeaderData(frame.title, state, frame.viewer, frame.now));
  const body = Array.isArray(card.body) ? (card.body as unknown[]) : [];
  const framed: AdaptiveCard = { ...card, body: placeNotice([header, ...body, ...(frame.extraBody ?? [])], card.actions, notice, options.noticeFor) };
  if (Array.isArray(framed.actions) && framed.actions.length === 0) delete framed.actions;
  const actionable = frame.actions.some((key) => permissions[key].statuses.includes(state.status));
  return actionable ? { ...framed, refresh: refreshFor(frame) } : framed;
}

function refreshFor(frame: CardFrame): Record<string, unknown> {
  const data = { caseId: frame.state.reference, card: frame.card, ...frame.refreshData };
  const userIds = [...new Set(frame.options.refreshUserIds ?? [])].slice(0, maxRefreshUserIds);
  return {
    action: {
      type: 'Action.Execute',
      verb: 'card.refresh',
      data,
      // Never shown: a refresh is automatic. Present because every Execute we send has one.
      fallback: { type: 'Action.Submit', title: 'Refresh', data: { verb: 'card.refresh', ...data } },
    },
    ...(userIds.length > 0 ? { userIds } : {}),
  };
}

/** How long texts may be, and how many items a list shows, at one attempt to fit the budget. */
export interface Fit {
  readonly text: number;
  readonly items: number;
}

const fits: readonly Fit[] = [
  { text: 2000, items: 60 },
  { text: 1000, items: 40 },
  { text: 500, items: 25 },
  { text: 250, items: 15 },
  { text: 120, items: 8 },
];

/**
 * Renders with generous limits and tightens them until the card fits Teams' 28 KB: a short
 * case shows everything, a long one is cut evenly, each cut pointing to the full text.
 */
export function fitToBudget(build: (fit: Fit) => AdaptiveCard): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const fit of fits) {
    card = build(fit);
    if (cardSize(card) <= cardByteBudget) return card;
  }
  return card ?? build(fits[fits.length - 1] ?? { text: 120, items: 8 });
}
