import assert from 'node:assert/strict';

import type { CaseRecord } from '../../../services/storage/cases/caseIndex';
import { CaseLog } from '../../../services/storage/cases/caseLog';
import { CaseStates } from '../../../services/storage/cases/caseStates';
import type { CaseState, Channel } from '../../../services/domain/workflow';
import { startTestBot, type TestBot } from '../../support/testBot';
import { answeredCard, buttonsOf, click, type Clicker } from '../../support/cardClicks';
import { ConnectorStandIn, type SentActivity } from '../../support/connectorStandIn';
import { cardOf, PersonalChat, personalConversation, readableText, TeamChannel, teamsUser, tenantId, type TeamsUser } from '../../support/teams';
import { freshDatabase } from '../../support/testDatabase';
import { filledInputs } from './teamsForm';

/**
 * One real bot process with its database and the Teams connector stand-in, and the people of a
 * case: where each person sees cards (their staff channel, or their 1:1 chat with the bot), and
 * how they act on them — a click on the card as it stands in their conversation now, with the
 * inputs Teams would send. Nothing here calls the workflow: every step is a message or an invoke.
 */
export interface Cast {
  readonly applicant: TeamsUser;
  /** DARS staff in the triage channel. */
  readonly staff: TeamsUser;
  /** DARS staff too; takes the case ("take it") and becomes its DARS contact. */
  readonly contact: TeamsUser;
  readonly assurance: TeamsUser;
  readonly pag: TeamsUser;
  readonly approver: TeamsUser;
  readonly nhseSignatory: TeamsUser;
  /** Holds no role: bound to the case as its data controller signatory on the assessment card. */
  readonly controllerSignatory: TeamsUser;
}

export function newCast(): Cast {
  return {
    applicant: teamsUser('Ada Applicant'),
    staff: teamsUser('Sam Staff'),
    contact: teamsUser('Dana Contact'),
    assurance: teamsUser('Asha Assurance'),
    pag: teamsUser('Pat PAG'),
    approver: teamsUser('Abe Approver'),
    nhseSignatory: teamsUser('Nina NHSE Signatory'),
    controllerSignatory: teamsUser('Carl Controller'),
  };
}

/** The data controller signatory's email, as staff give it on the preliminary assessment card. */
export const controllerSignatoryEmail = 'carl.controller@leeds.example.ac.uk';

/** Where a person sees a card: a staff channel, or their 1:1 chats with the bot. */
export type Where = { readonly channel: Channel } | { readonly person: TeamsUser };

export class CaseWorld {
  private constructor(
    readonly connector: ConnectorStandIn,
    readonly bot: TestBot,
    readonly database: ReturnType<typeof freshDatabase>,
    readonly channels: Readonly<Record<Channel, string>>,
  ) {}

  static async start(label: string, cast: Cast): Promise<CaseWorld> {
    const connector = await ConnectorStandIn.start();
    const database = freshDatabase(label);
    const channels = {
      triage: `19:${label}-triage@thread.tacv2`,
      assurance: `19:${label}-assurance@thread.tacv2`,
      agd: `19:${label}-agd@thread.tacv2`,
      pag: `19:${label}-pag@thread.tacv2`,
    };
    const roles = {
      [cast.staff.aadObjectId]: ['staff'],
      [cast.contact.aadObjectId]: ['staff'],
      [cast.assurance.aadObjectId]: ['assurance'],
      [cast.pag.aadObjectId]: ['pag'],
      [cast.approver.aadObjectId]: ['approver'],
      [cast.nhseSignatory.aadObjectId]: ['nhseSignatory'],
    };
    const bot = await startTestBot({
      databaseName: database.name,
      env: {
        TEAMS_SERVICE_URL: connector.url,
        TRIAGE_CHANNEL_ID: channels.triage,
        ASSURANCE_CHANNEL_ID: channels.assurance,
        AGD_CHANNEL_ID: channels.agd,
        PAG_CHANNEL_ID: channels.pag,
        DARS_ROLES: JSON.stringify(roles),
        // Local mode's directory: staff name the data controller signatory by this email.
        DARS_PEOPLE: JSON.stringify({ [controllerSignatoryEmail]: { id: cast.controllerSignatory.aadObjectId, name: cast.controllerSignatory.name } }),
      },
    });
    const world = new CaseWorld(connector, bot, database, channels);
    // Everyone has the app: each says hello to the bot once, as installing it in Teams would.
    for (const person of Object.values(cast)) await world.chat(person).say('hi');
    return world;
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.connector.close();
  }

  chat(person: TeamsUser): PersonalChat {
    return new PersonalChat(this.bot, this.connector, person);
  }

  channel(person: TeamsUser, channel: Channel): TeamChannel {
    return new TeamChannel(this.bot, this.connector, person, this.channels[channel]);
  }

  async record(reference: string): Promise<CaseRecord> {
    const record = await this.database.db.collection<CaseRecord>('cases').findOne({ _id: reference });
    assert.ok(record, `case ${reference} is in the cases collection`);
    return record;
  }

  /** The case as its log says (what cards, decisions and status read). */
  async caseState(reference: string): Promise<CaseState> {
    const state = await new CaseStates(new CaseLog(this.database.db)).get(reference);
    assert.ok(state, `case ${reference} has commits`);
    return state;
  }

  /** What the person sees now where they are (cards updated in place show their latest form). */
  seen(where: Where): SentActivity[] {
    if ('channel' in where) {
      const channelId = this.channels[where.channel];
      const threads = [...new Set(this.connector.calls.map((call) => call.conversationId ?? ''))].filter((id) => id === channelId || id.startsWith(`${channelId};`));
      return threads.flatMap((id) => this.connector.current(id));
    }
    return this.connector.conversationsWith(where.person.aadObjectId).flatMap((id) => this.connector.current(id));
  }

  /**
   * The card on which the person can press `verb` for the case now, where they work (`where`:
   * their 1:1 chat unless a channel is named), waiting for the outbox to deliver it or to update
   * it in place. Strict: a card left showing an older version of the case fails here, although
   * Teams would refresh it for some people (Universal Actions `refresh`; see `refresh`).
   */
  async awaitCard(person: TeamsUser, verb: string, reference: string, where: Where = { person }): Promise<SentActivity> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { version } = await this.record(reference);
      const cards = this.seen(where).filter((activity) => buttonsOf(cardOf(activity)).some((button) => button.verb === verb && button.data.caseId === reference));
      const current = cards.filter((activity) => buttonsOf(cardOf(activity)).some((button) => button.verb === verb && Number(button.data.version) === version)).at(-1);
      if (current) return current;
      if (Date.now() > deadline) {
        const offered = cards.map((activity) => buttonsOf(cardOf(activity)).map((b) => `${b.verb}@${String(b.data.version)}`).join(' '));
        assert.fail(`${person.name} was never offered "${verb}" on ${reference} at version ${version} in ${describe(where)}; cards offering it: ${offered.join(' | ') || 'none'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Teams asks the bot for the card again for this person (the `card.refresh` invoke) and shows the answer in its place. */
  async refresh(person: TeamsUser, card: SentActivity): Promise<SentActivity> {
    const refresh = cardOf(card)?.refresh as { action: { verb: string; data: Record<string, unknown> } } | undefined;
    assert.ok(refresh, 'the card refreshes itself');
    const answer = answeredCard(await this.clickerIn(person, card).execute(refresh.action.verb, refresh.action.data, String(card.id)));
    return { ...card, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer }] };
  }

  /** Waits until the person has received a card about the case whose summary says `what`. */
  async awaitCardAbout(where: Where, reference: string, what: RegExp): Promise<SentActivity> {
    return this.connector.waitFor(
      () => this.seen(where).find((activity) => cardOf(activity) && String(activity.summary ?? '').startsWith(`${reference}:`) && what.test(String(activity.summary))),
      20_000,
      `a card "${what.source}" for ${describe(where)}`,
    );
  }

  /** Waits until a plain message (a notice, not a card) to the person says `what`. */
  async awaitMessage(where: Where, what: RegExp): Promise<SentActivity> {
    return this.connector.waitFor(() => this.seen(where).find((activity) => !cardOf(activity) && what.test(readableText(activity))), 20_000, `"${what.source}" for ${describe(where)}`);
  }

  /**
   * The person presses `verb` on the card in front of them, having typed `typed`; the decision
   * must be taken (the case moves to a new version). Returns the card Teams shows them after.
   */
  async decide(person: TeamsUser, card: SentActivity, verb: string, reference: string, typed: Readonly<Record<string, string>> = {}): Promise<Record<string, unknown>> {
    const before = (await this.record(reference)).version;
    const answer = answeredCard(await click(this.clickerIn(person, card), card, verb, filledInputs(card, verb, typed)));
    const after = (await this.record(reference)).version;
    assert.ok(after > before, `${person.name}'s "${verb}" on ${reference} was not taken. The card answered:\n${cardText(answer)}`);
    return answer;
  }

  /** `awaitCard` then `decide`: the person finds the card where they work and makes the decision on it. */
  async act(person: TeamsUser, verb: string, reference: string, options: { readonly where?: Where; readonly inputs?: Readonly<Record<string, string>> } = {}): Promise<Record<string, unknown>> {
    const card = await this.awaitCard(person, verb, reference, options.where);
    return this.decide(person, card, verb, reference, options.inputs);
  }

  /** A button on a card of the person's own chat that is not a case decision (the enquiry summary's Submit); the messages the bot answered with. */
  async clickInChat(person: TeamsUser, card: SentActivity, verb: string): Promise<SentActivity[]> {
    const result = await click(this.chat(person), card, verb, filledInputs(card, verb));
    assert.equal(result.status, 200, `"${verb}" answered ${result.status}`);
    return result.sent;
  }

  /** A click comes from the conversation the card is in (a channel thread, or a 1:1 chat). */
  private clickerIn(person: TeamsUser, card: SentActivity): Clicker {
    const conversationId = this.connector.calls.find((call) => call.assignedId === card.id)?.conversationId;
    assert.ok(conversationId, 'the card was sent through the connector');
    const inChannel = conversationId.startsWith('19:');
    const talker = inChannel ? new TeamChannel(this.bot, this.connector, person, conversationId.split(';')[0]!) : this.chat(person);
    const conversation = inChannel
      ? { id: conversationId, conversationType: 'channel', isGroup: true, tenantId }
      : personalConversation(person, conversationId);
    return {
      execute: (verb, data, replyToId) =>
        talker.post({ type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }, conversation),
    };
  }
}

/** A card as text, the way the person reads it. */
export function cardText(card: Record<string, unknown>): string {
  return readableText({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
}

function describe(where: Where): string {
  return 'channel' in where ? `the ${where.channel} channel` : where.person.name;
}
