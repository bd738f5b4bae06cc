import { renderCaseCard } from '../../cards/caseCards';
import type { CardOptions, CardViewer } from '../../cards/frame/cardViewer';
import type { AdaptiveCard } from '../../cards/render';
import { serviceAgreementDocument } from '../../services/domain/access/serviceAgreement';
import { rolesOnCase, type CaseState, type Channel, type StaffRole } from '../../services/domain/workflow';
import { type CardName } from '../../cards/caseCards';
import type { ConversationReferences } from '../turns/conversationReferences';
import type { DocumentLinks } from '../documents/documentLinks';
import type { StaffDirectory } from '../staff/staffDirectory';

/**
 * Who sees a card, and so which buttons it shows: in a channel, anyone holding the channel's
 * role (each click is checked again against the clicker's own roles); in a 1:1 chat, that
 * person with their directory and case roles.
 */
const channelRoles: Record<Channel, StaffRole> = { triage: 'staff', assurance: 'assurance', agd: 'agd', pag: 'pag' };

export class CaseCardViews {
  constructor(
    private readonly staff: StaffDirectory,
    private readonly references: ConversationReferences,
    private readonly clock: () => Date = () => new Date(),
    private readonly documentLinks?: DocumentLinks,
  ) {}

  /**
   * The card as posted in a channel. Teams clients of the people who act on the case (the DARS
   * contact, whoever holds the next action, the channel's staff) refresh it to their own view.
   */
  async forChannel(name: CardName, state: CaseState, channel: Channel, options: CardOptions = {}): Promise<AdaptiveCard> {
    // The DARS contact works from the triage channel too: their buttons show there.
    const viewer: CardViewer = { id: '', roles: channel === 'triage' ? ['staff', 'darsContact', 'approver'] : [channelRoles[channel]] };
    const refreshUserIds = await this.references.teamsUserIds(await this.actingPeople(state, channel));
    // Links to the files the card lists, granted to the channel's role rather than to a person.
    // Everyone in a DARS channel sees the card as posted, and the bot cannot know who opens it:
    // the channel's membership is what lets them see the card (its file names and SHA-256s)
    // at all, so a link for the channel's role, checked on every fetch with `canRead` for that
    // role against the case as it is then, gives no more than the card already shows. It is a
    // bearer link while it lasts (DOCUMENT_LINK_HOURS), so in Teams clients that refresh cards
    // (`refreshUserIds`, Universal Actions) each person's view replaces it with a link issued
    // to them, checked on their own roles; a click's answer does the same.
    const fileLinks = await this.documentLinks?.forFiles(name, state, { role: channelRoles[channel] });
    return renderCaseCard(name, state, viewer, this.clock(), { serviceAgreementDocument, ...options, refreshUserIds, ...(fileLinks ? { fileLinks } : {}) });
  }

  private async actingPeople(state: CaseState, channel: Channel): Promise<string[]> {
    const holders = (state.nextAction?.holders ?? []).flatMap((holder) => (holder.kind === 'person' ? [holder.id] : []));
    const contact = state.people.darsContact ? [state.people.darsContact.id] : [];
    const channelStaff = await this.staff.peopleWithRole(channelRoles[channel]);
    return [...new Set([...contact, ...holders, ...channelStaff])].slice(0, 60);
  }

  /** Cards sent or updated from the outbox show the access service's agreement too, so its signatory can sign it. */
  async forPerson(name: CardName, state: CaseState, personId: string, options: CardOptions = {}): Promise<AdaptiveCard> {
    // A link to the document the card is about, issued to this person (only people see one: a channel card has no one to issue it to).
    const documentLink = await this.documentLinks?.forCard(name, state, personId);
    const fileLinks = personId ? await this.documentLinks?.forFiles(name, state, { personId }) : undefined;
    return renderCaseCard(name, state, await this.viewer(state, personId), this.clock(), {
      serviceAgreementDocument, ...options, ...(documentLink ? { documentLink } : {}), ...(fileLinks ? { fileLinks } : {}),
    });
  }

  async viewer(state: CaseState, personId: string): Promise<CardViewer> {
    const roles = await this.staff.rolesOf(personId);
    return { id: personId, roles: rolesOnCase({ id: personId, name: '', roles }, state) };
  }
}

/** Which DARS channel a conversation is in (a channel thread's id is `<channel id>;messageid=…`). */
export function channelOf(conversationId: string, channels: Record<Channel, string>): Channel | undefined {
  const channelId = conversationId.split(';')[0];
  return (Object.keys(channels) as Channel[]).find((channel) => channels[channel] === channelId);
}
