import assert from 'node:assert/strict';

import { notAStaffChannel, notYourChannel } from '../../bot/staff/channelAccess';
import { unseenCaseMessage } from '../../services/domain/workflow';
import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { canRead, caseRoles, rolesOnCase, statusInfo, type Actor, type CaseRole, type CaseStatus, type Channel } from '../../services/domain/workflow';
import { commandsToReach, replay } from '../cases/caseStoreFixture';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn, type SentActivity } from '../support/connectorStandIn';
import { PersonalChat, readableText, TeamChannel, type InvokeResult, type TeamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { NIC } from '../workflow/support/data';
import { caseAt } from '../workflow/support/driver';
import { actorFor, oscar } from '../workflow/support/people';

/**
 * The read matrix over HTTP, generated from the read table: every path that shows case data ×
 * every kind of person (one per role, and an outsider), against three cases at different stages
 * and a reference that does not exist. Allowed: the case is shown. Refused: the answer is word
 * for word the answer for the missing reference (the reference aside), and carries no detail of
 * the case — its stage, its applicant's name, its organisation, its NIC number.
 * The exhaustive role × status combination is the pure read-table test's; here, one case per
 * path and person kind.
 */
const channels: Readonly<Record<Channel, string>> = {
  triage: '19:read-triage@thread.tacv2',
  assurance: '19:read-assurance@thread.tacv2',
  agd: '19:read-agd@thread.tacv2',
  pag: '19:read-pag@thread.tacv2',
};
const unconfigured = '19:read-general@thread.tacv2';

/** A case at each of three stages: few see the enquiry, more the reviews, most the DSA. */
const cases: readonly { readonly reference: string; readonly status: Exclude<CaseStatus, 'new'> }[] = [
  { reference: 'DARS-2026-00301', status: 'enquiryUnderReview' },
  { reference: 'DARS-2026-00302', status: 'inReview' },
  { reference: 'DARS-2026-00303', status: 'awaitingSignatures' },
];
const missing = 'DARS-2026-09999';

interface PersonKind {
  readonly kind: CaseRole | 'outsider';
  readonly actor: Actor;
}
const people: readonly PersonKind[] = [...caseRoles.map((role) => ({ kind: role, actor: actorFor[role] })), { kind: 'outsider', actor: oscar }];
const userOf = (actor: Actor): TeamsUser => ({ aadObjectId: actor.id, name: actor.name });

/** The channel a person works in: the one of their staff role, else triage (where they hold no role). */
const homeChannel = (actor: Actor): Channel =>
  (Object.keys(channels) as Channel[]).find((channel) => actor.roles.includes(({ triage: 'staff', assurance: 'assurance', agd: 'agd', pag: 'pag' } as const)[channel])) ?? 'triage';
const holdsChannelRole = (actor: Actor): boolean => homeChannel(actor) !== 'triage' || actor.roles.includes('staff');

/** What the table says: may this person see the case at `status`? (`chatRoles`: the 1:1 chat shows one's own cases.) */
function mayRead(actor: Actor, status: CaseStatus, onlyOwnCases = false): boolean {
  const roles = rolesOnCase(actor, caseAt(status).case).filter((role) => !onlyOwnCases || role === 'applicant' || role === 'applicantMember');
  return canRead(caseAt(status).case, roles);
}

/**
 * What "status" in the 1:1 chat lists: the person's own cases (applicant, member), and the open
 * cases where they are the DARS contact or hold the next step (a signatory asked to sign), each
 * only if the read table lets them see it.
 */
function inTheirChat(actor: Actor, status: CaseStatus): boolean {
  const state = caseAt(status).case;
  if (mayRead(actor, status, true)) return true;
  const theirs = state.people.darsContact?.id === actor.id || (state.nextAction?.holders ?? []).some((holder) => holder.kind === 'person' && holder.id === actor.id);
  return state.stage !== 'closed' && theirs && mayRead(actor, status);
}

const same = (text: string, reference: string) => text.split(reference).join('<reference>');

/** No detail of the case in what a person who may not see it was told. */
function assertNoCaseDetail(told: string, status: CaseStatus, what: string): void {
  for (const detail of [statusInfo[status].now, 'Ada Applicant', 'Mo Member', 'University of Leeds', NIC]) {
    assert.ok(!told.toLowerCase().includes(detail.toLowerCase()), `${what} reveals "${detail}": ${told}`);
  }
}

describe('Who may see a case, on every read path, over HTTP (the read matrix)', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;

  before(async () => {
    connector = await ConnectorStandIn.start();
    const { db, name } = freshDatabase('readmatrix');
    const log = new CaseLog(db);
    const index = new CaseIndex(db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const commands = new CaseCommands(log, index, darsWorkflow(cardsShowing));
    for (const { reference, status } of cases) {
      const journey = commandsToReach(status).map((step) => (step.command.type === 'submitEnquiry' ? { ...step, command: { ...step.command, reference } } : step));
      await replay(commands, reference, journey, reference);
    }
    const roles = Object.fromEntries(people.filter(({ actor }) => actor.roles.length > 0).map(({ actor }) => [actor.id, actor.roles]));
    bot = await startTestBot({
      databaseName: name,
      env: {
        TEAMS_SERVICE_URL: connector.url,
        TRIAGE_CHANNEL_ID: channels.triage,
        ASSURANCE_CHANNEL_ID: channels.assurance,
        AGD_CHANNEL_ID: channels.agd,
        PAG_CHANNEL_ID: channels.pag,
        DARS_ROLES: JSON.stringify(roles),
      },
    });
  });

  after(async () => {
    assertEveryCardValid(connector);
    await bot?.stop();
    await connector.close();
  });

  const chatOf = (actor: Actor) => new PersonalChat(bot, connector, userOf(actor));
  const channelOf = (actor: Actor, channel: Channel | 'unconfigured') => new TeamChannel(bot, connector, userOf(actor), channel === 'unconfigured' ? unconfigured : channels[channel]);
  const told = (sent: SentActivity[]) => sent.map(readableText).join('\n');
  const cardAnswer = (result: InvokeResult) => {
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.body.type, 'application/vnd.microsoft.card.adaptive');
    return readableText({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: result.body.value as Record<string, unknown> }] });
  };

  /**
   * One read path: `ask` answers a reference with what the person is told. Each case is shown
   * (its stage in the answer) exactly when `allowed`; otherwise the answer is the missing case's.
   */
  async function readMatrix(what: string, ask: (reference: string) => Promise<string>, allowed: (status: CaseStatus) => boolean): Promise<void> {
    const nothing = same(await ask(missing), missing);
    for (const { reference, status } of cases) {
      const answer = await ask(reference);
      if (allowed(status)) {
        assert.match(answer, new RegExp(statusInfo[status].now, 'i'), `${what} ${reference}: the case is shown`);
      } else {
        assert.equal(same(answer, reference), nothing, `${what} ${reference}: answered as for no case`);
        assertNoCaseDetail(answer, status, `${what} ${reference}`);
      }
    }
  }

  for (const { kind, actor } of people) {
    describe(`${kind} (${actor.name})`, () => {
      it('"status" in the 1:1 chat lists only their own cases and those where they hold the next step', async () => {
        const answer = told(await chatOf(actor).say('status'));
        for (const { reference, status } of cases) {
          const shown = answer.includes(reference);
          assert.equal(shown, inTheirChat(actor, status), `${reference} ${shown ? 'shown' : 'not shown'}: ${answer}`);
          // The fixtures share names and a NIC number, so details can be checked only in an answer showing no case.
          if (!shown && !cases.some((other) => inTheirChat(actor, other.status))) assertNoCaseDetail(answer, status, `status in chat (${reference})`);
        }
      });

      it('a case named in the 1:1 chat ("funding DARS-…") is found only among their own cases', async () => {
        await readMatrix('funding', async (reference) => told(await chatOf(actor).say(`funding ${reference}`)), (status) => mayRead(actor, status, true));
      });

      it('"case DARS-…" in their channel', async () => {
        const home = homeChannel(actor);
        await readMatrix(`case in ${home}`, async (reference) => told(await channelOf(actor, home).mention(`case ${reference}`)), (status) => holdsChannelRole(actor) && mayRead(actor, status));
        if (!holdsChannelRole(actor)) assert.equal(told(await channelOf(actor, home).mention(`case ${missing}`)), notYourChannel(home));
        else assert.equal(told(await channelOf(actor, home).mention(`case ${missing}`)), unseenCaseMessage(missing));
      });

      it('"queue", "mine" and "overdue" in their channel list only cases they may see', async () => {
        const home = homeChannel(actor);
        for (const command of ['queue', 'mine', 'overdue']) {
          const answer = told(await channelOf(actor, home).mention(command));
          if (!holdsChannelRole(actor)) {
            assert.equal(answer, notYourChannel(home), command);
            continue;
          }
          for (const { reference, status } of cases) {
            if (!mayRead(actor, status)) assert.ok(!answer.includes(reference), `${command} in ${home} lists ${reference}: ${answer}`);
          }
        }
      });

      it('no command in a channel the bot was not configured for', async () => {
        for (const command of [`case ${cases[0]!.reference}`, 'queue', 'mine', 'overdue', 'hello']) {
          assert.equal(told(await channelOf(actor, 'unconfigured').mention(command)), notAStaffChannel, command);
        }
      });

      it('a card refresh shows the case only to those who may see it', async () => {
        await readMatrix('refresh', async (reference) => cardAnswer(await chatOf(actor).execute('card.refresh', { caseId: reference, card: 'caseStatus' })), (status) => mayRead(actor, status));
      });

      it('a click (Action.Execute) on a case card shows the case only to those who may see it, and changes nothing', async () => {
        await readMatrix(
          'click',
          // Version 0: a stale card, so whoever may see the case gets it as it is now, and no one decides anything.
          async (reference) => cardAnswer(await channelOf(actor, homeChannel(actor)).execute('case.close', { caseId: reference, version: 0, reason: 'Tidying up' })),
          (status) => mayRead(actor, status),
        );
      });
    });
  }

  it('the matrix has both answers on every path: someone sees each case, and someone does not', () => {
    for (const { status } of cases) {
      assert.ok(people.some(({ actor }) => mayRead(actor, status)) && people.some(({ actor }) => !mayRead(actor, status)), status);
    }
  });
});
