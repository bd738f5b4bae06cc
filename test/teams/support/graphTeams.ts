import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Db } from 'mongodb';

import { CaseCommands } from '../../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../../services/storage/cases/caseIndex';
import { CaseLog } from '../../../services/storage/cases/caseLog';
import { darsWorkflow } from '../../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../../cards/cardsShowing';
import { roleGroupVariables } from '../../../services/integrations/graph/graphSettings';
import type { Actor, CaseStatus, StaffRole } from '../../../services/domain/workflow';
import { commandsToReach, replay } from '../../cases/caseStoreFixture';
import type { TestBot } from '../../support/testBot';
import { buttonsOf, click, type CardButton } from '../../support/cardClicks';
import type { ConnectorStandIn, SentActivity } from '../../support/connectorStandIn';
import { roleGroups, standInCertificate, type GraphStandIn, type StandInUser } from '../../support/graphStandIn';
import { cardOf, PersonalChat, tenantId, type InvokeResult, type TeamsUser } from '../../support/teams';
import { abe, asha, carl, dana, gus, nina, pat, sam } from '../../workflow/support/people';

/**
 * A bot process wired to Microsoft Graph (the stand-in): the directory holding the workflow
 * tests' people and one Entra group per staff role, the environment that points the bot at the
 * stand-in (trusting its certificate from a file, as a deployment names a private CA), cases
 * seeded through the real store, and clicks on cards the bot sent to someone's 1:1 chat.
 */

export const driveId = 'b!dsa-library-drive';
export const catalogAppId = 'c0000000-0000-4000-8000-0000000000c0';
export const teamsAppId = '8b0c6f0e-4d2a-4f55-9a3e-2f1d8d0a5a22';
export const channels = { triage: '19:dsa-graph-triage@thread.tacv2', assurance: '19:dsa-graph-assurance@thread.tacv2', agd: '19:dsa-graph-agd@thread.tacv2', pag: '19:dsa-graph-pag@thread.tacv2' };

export { roleGroups };

const inDirectory = (actor: Actor, userPrincipalName: string, mail: string): StandInUser & { mail: string } => ({ id: actor.id, displayName: actor.name, userPrincipalName, mail });
export const ninaInDirectory = inDirectory(nina, 'nina@nhs.example', 'nina.signatory@nhs.example');
/** The data controller signatory's address as the preliminary assessment recorded it. */
export const carlInDirectory = inDirectory(carl, 'carl@leeds.example.ac.uk', 'carl.controller@leeds.example.ac.uk');

/** The people in Entra ID, and who is in which role group (Dana, the DARS contact, is DARS staff). */
export function populateDirectory(standIn: GraphStandIn): void {
  for (const [actor, user] of [[sam, 'sam'], [dana, 'dana'], [asha, 'asha'], [gus, 'gus'], [pat, 'pat'], [abe, 'abe']] as const) {
    standIn.addUser(inDirectory(actor, `${user}@nhs.example`, `${user}@nhs.example`));
  }
  standIn.addUser(ninaInDirectory).addUser(carlInDirectory);
  const members: Record<StaffRole, readonly Actor[]> = { staff: [sam, dana], assurance: [asha], agd: [gus], pag: [pat], approver: [abe], nhseSignatory: [nina] };
  for (const role of Object.keys(members) as StaffRole[]) standIn.setGroupMembers(roleGroups[role], members[role].map((actor) => actor.id));
}

/** The bot's environment for Graph through the stand-in; `cleanUp` removes the CA file. */
export function graphEnvironment(standIn: GraphStandIn, connector: ConnectorStandIn): { env: Record<string, string>; cleanUp: () => void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dars-graph-ca-'));
  const caFile = path.join(folder, 'graph-stand-in.pem');
  writeFileSync(caFile, standInCertificate);
  const groups = Object.fromEntries((Object.keys(roleGroupVariables) as StaffRole[]).map((role) => [roleGroupVariables[role], roleGroups[role]]));
  return {
    env: {
      GRAPH_CLIENT_ID: standIn.clientId,
      GRAPH_TENANT_ID: standIn.tenantId,
      GRAPH_CLIENT_SECRET: standIn.clientSecret,
      GRAPH_BASE_URL: standIn.url,
      GRAPH_AUTHORITY_HOST: standIn.url,
      GRAPH_TRUSTED_CA_FILE: caFile,
      SHAREPOINT_DRIVE_ID: driveId,
      TEAMS_CATALOG_APP_ID: catalogAppId,
      TEAMS_APP_ID: teamsAppId,
      ...groups,
      TEAMS_SERVICE_URL: connector.url,
      TRIAGE_CHANNEL_ID: channels.triage,
      ASSURANCE_CHANNEL_ID: channels.assurance,
      AGD_CHANNEL_ID: channels.agd,
      PAG_CHANNEL_ID: channels.pag,
    },
    cleanUp: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * The workflow tests' standard case (GP data, cohort file, SDE service agreement), approved,
 * under this reference and NIC number. The notices of its earlier decisions count as delivered
 * back then; the approval's are left for the bot to deliver (the DSA card to the DARS contact).
 */
export async function seedApprovedCase(db: Db, reference: string, nicNumber: string): Promise<void> {
  await seedCaseAt(db, reference, 'dsaToGenerate', nicNumber);
}

/** The standard case brought to `status` through the real store, as seedApprovedCase does. */
export async function seedCaseAt(db: Db, reference: string, status: Exclude<CaseStatus, 'new'>, nicNumber?: string): Promise<void> {
  const log = new CaseLog(db);
  const index = new CaseIndex(db);
  await log.ensureIndexes();
  await index.ensureIndexes();
  const journey = commandsToReach(status).map((step) => ({
    ...step,
    command: step.command.type === 'submitEnquiry' ? { ...step.command, reference }
      : step.command.type === 'acceptApplication' && nicNumber ? { ...step.command, nicNumber } : step.command,
  }));
  const reached = await replay(new CaseCommands(log, index, darsWorkflow(cardsShowing)), reference, journey, reference);
  await log.commits.updateMany({ caseId: reference, version: { $lt: reached.version } }, { $set: { pendingOutbox: [] }, $unset: { outboxPending: '' } });
}

export const teamsUserOf = (actor: Actor): TeamsUser => ({ aadObjectId: actor.id, name: actor.name });

/** A card in one of a person's 1:1 chats with the bot. */
export interface CardInChat {
  readonly conversationId: string;
  readonly activity: SentActivity;
}

/**
 * The newest card in the person's 1:1 chats offering `verb` for the case: as it looks now
 * (`current`, with the bot's in-place updates) or as it was first sent (`original`).
 */
export function personalCard(connector: ConnectorStandIn, personId: string, verb: string, caseId: string, view: 'current' | 'original' = 'current', accept: (button: CardButton) => boolean = () => true): CardInChat | undefined {
  const found = connector.conversationsWith(personId).flatMap((conversationId) =>
    (view === 'current' ? connector.current(conversationId) : connector.sent(conversationId))
      .filter((activity) => buttonsOf(cardOf(activity)).some((button) => button.verb === verb && button.data.caseId === caseId && accept(button)))
      .map((activity) => ({ conversationId, activity })));
  return found.sort((a, b) => Number(String(a.activity.id).replace(/\D/g, '')) - Number(String(b.activity.id).replace(/\D/g, ''))).at(-1);
}

export function awaitPersonalCard(connector: ConnectorStandIn, personId: string, verb: string, caseId: string): Promise<CardInChat> {
  return connector.waitFor(() => personalCard(connector, personId, verb, caseId), 30_000, `a card offering "${verb}" for ${caseId} in a chat with ${personId}`);
}

/** Cards in the person's 1:1 chats (as first sent) that offer `verb` for the case. */
export function cardsSent(connector: ConnectorStandIn, personId: string, verb: string, caseId: string): SentActivity[] {
  return connector.conversationsWith(personId).flatMap((conversationId) => connector.sent(conversationId))
    .filter((activity) => buttonsOf(cardOf(activity)).some((button) => button.verb === verb && button.data.caseId === caseId));
}

/** The person, in the 1:1 chat the card is in: invokes go to that conversation, as Teams sends them. */
export class ChatClicker {
  private readonly chat: PersonalChat;

  constructor(bot: TestBot, connector: ConnectorStandIn, readonly user: TeamsUser, private readonly conversationId: string) {
    this.chat = new PersonalChat(bot, connector, user);
  }

  execute(verb: string, data: Record<string, unknown>, replyToId?: string): Promise<InvokeResult> {
    return this.chat.post(
      { type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } },
      { id: this.conversationId, conversationType: 'personal', tenantId },
    );
  }

  /**
   * What Teams shows when the person opens a card with a Universal Actions `refresh`: the card
   * as the bot renders it for them now (a `card.refresh` invoke), in place of the one sent.
   */
  async open(card: CardInChat): Promise<SentActivity> {
    const refresh = (cardOf(card.activity)?.refresh as { action?: { verb?: string; data?: Record<string, unknown> } } | undefined)?.action;
    if (!refresh?.verb || !refresh.data) return card.activity;
    const answer = await this.execute(refresh.verb, refresh.data, String(card.activity.id));
    if (answer.status !== 200) throw new Error(`refreshing the card answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return { ...card.activity, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer.body.value as Record<string, unknown> }] };
  }

  /** Opens the card (refreshing it) and clicks `verb` with the inputs filled in. */
  async click(card: CardInChat, verb: string, inputs: Record<string, unknown> = {}): Promise<InvokeResult> {
    return click(this, await this.open(card), verb, inputs);
  }
}
