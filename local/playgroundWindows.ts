import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';
import { z } from 'zod';

import { staffRoles } from '../services/domain/workflow/roles';

/**
 * The people of `npm run playground`, one Microsoft 365 Agents Playground window each, read
 * from the playground's own configuration files in `local/playground/`, and the bot's
 * environment derived from them: the staff member's roles, the DARS channels of the team the
 * staff window emulates, and that window's connector for the bot's first posts to a channel.
 */

export const windowNames = ['applicant', 'staff', 'signatory'] as const;
export type WindowName = (typeof windowNames)[number];

/** Fixed ports (documented in the README); `PLAYGROUND_FIRST_PORT` moves all three together. */
export const defaultFirstPort = 56150;
const portOffset: Record<WindowName, number> = { applicant: 0, staff: 1, signatory: 2 };

export const configDirectory = path.resolve(__dirname, '..', '..', 'local', 'playground');

const user = z.object({ id: z.string(), name: z.string(), aadObjectId: z.string(), email: z.string() });
/** The part of the playground's file that the bot's environment is derived from. */
const playgroundFile = z.object({
  tenantId: z.string(),
  currentUser: user,
  users: z.array(user),
  personalChat: z.object({ id: z.string() }),
  groupChat: z.object({ id: z.string(), name: z.string() }),
  team: z.object({ id: z.string(), name: z.string(), channels: z.array(z.object({ id: z.string(), name: z.string() })).length(1) }),
});
export type PlaygroundFile = z.infer<typeof playgroundFile>;

export interface PlaygroundWindow {
  readonly name: WindowName;
  readonly configPath: string;
  readonly config: PlaygroundFile;
  readonly port: number;
  /** The page a person opens. */
  readonly url: string;
  /** The window's stand-in for the Teams connector, where the bot sends its messages. */
  readonly serviceUrl: string;
}

export function playgroundWindow(name: WindowName, firstPort = defaultFirstPort): PlaygroundWindow {
  const configPath = path.join(configDirectory, `${name}.yml`);
  const parsed = playgroundFile.safeParse(parse(readFileSync(configPath, 'utf8')));
  if (!parsed.success) throw new Error(`${configPath}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const port = firstPort + portOffset[name];
  return { name, configPath, config: parsed.data, port, url: `http://localhost:${port}`, serviceUrl: `http://localhost:${port}/_connector` };
}

/**
 * The bot's environment for the playground. The emulated team has its General channel (whose id
 * is the team's id) and one more channel, plus one group chat: General is the triage channel,
 * the other channel is assurance, and the group chat holds both advisory panels (AGD and PAG).
 * `DARS_PEOPLE` lists every person in the files by email, for the signatory staff name on the
 * preliminary assessment card. 1:1 messages need nothing here: the bot keeps each person's chat with the connector it came
 * from (`bot/turns/conversationReferences.ts`), so a person's messages reach their own window.
 */
export function botEnvironment(staff: PlaygroundWindow): Record<string, string> {
  const { config } = staff;
  return {
    TEAMS_SERVICE_URL: staff.serviceUrl,
    MICROSOFT_APP_TENANT_ID: config.tenantId,
    TRIAGE_CHANNEL_ID: config.team.id,
    ASSURANCE_CHANNEL_ID: config.team.channels[0].id,
    AGD_CHANNEL_ID: config.groupChat.id,
    PAG_CHANNEL_ID: config.groupChat.id,
    DARS_ROLES: JSON.stringify({ [config.currentUser.aadObjectId]: staffRoles }),
    // Staff name a data controller signatory by email: everyone in the files, by their email.
    DARS_PEOPLE: JSON.stringify(Object.fromEntries([config.currentUser, ...config.users].map((person) => [person.email, { id: person.aadObjectId, name: person.name }]))),
  };
}

/** The same people must be in every window, with the same ids, or cases would not follow them. */
export function samePeopleProblems(windows: readonly PlaygroundWindow[]): string[] {
  const everyone = (w: PlaygroundWindow) =>
    [w.config.currentUser, ...w.config.users].map((u) => `${u.id}|${u.aadObjectId}|${u.name}`).sort().join('\n');
  const [first, ...rest] = windows;
  return rest
    .filter((w) => everyone(w) !== everyone(first))
    .map((w) => `${w.configPath} lists other people than ${first.configPath} (ids and names must match)`);
}
