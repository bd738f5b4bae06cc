import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';

/**
 * The Teams app manifest for DARS Bot. Typed against @microsoft/app-manifest's generated v1.30
 * types, so a misspelt or misplaced field fails `tsc`; `validate.ts` then checks it against
 * Microsoft's JSON schema (patterns, lengths) in the tests and before packaging.
 */

/**
 * 1.30 is the newest numbered schema @microsoft/app-manifest 1.1.2 bundles (its
 * `TeamsManifestLatest`); the only later one, devPreview, is for preview features only.
 */
export const MANIFEST_VERSION = '1.30';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** NHS blue, from the NHS identity guidelines: the colour icon's background and the accentColor. */
export const NHS_BLUE = '#005EB8';

export const COLOR_ICON_FILE = 'color.png';
export const OUTLINE_ICON_FILE = 'outline.png';

/** The Graph activity type used to ask a signatory to sign a DSA (see `activities` below). */
export const DSA_SIGNATURE_ACTIVITY = 'dsaSignatureRequested';

export interface ManifestOptions {
  /** The Teams app's own id (a GUID), stable across versions of the package. */
  teamsAppId: string;
  /** The bot's Microsoft Entra app id (a GUID). In local mode, with no app id, pass teamsAppId. */
  botAppId: string;
  /** Host name the bot is served from, e.g. `dars-bot.example.nhs.uk`. */
  botDomain: string;
  publisherName: string;
  /** https URL of the publisher's site; privacy and terms pages are expected beneath it. */
  publisherWebsite: string;
  /** The app version, semver (taken from package.json). */
  version: string;
}

type Manifest = TeamsManifestV1D30.TeamsManifestV1D30;
type CommandList = NonNullable<TeamsManifestV1D30.Bot['commandLists']>[number];

export function buildManifest(options: ManifestOptions): Manifest {
  const domain = hostOf(options.botDomain);
  const website = withTrailingSlash(options.publisherWebsite);
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: options.version,
    id: options.teamsAppId,
    developer: {
      name: options.publisherName,
      websiteUrl: options.publisherWebsite,
      privacyUrl: new URL('privacy', website).href,
      termsOfUseUrl: new URL('terms-of-use', website).href,
    },
    name: {
      short: 'DARS Bot',
      full: 'DARS Bot — NHS England Data Access Request Service',
    },
    description: {
      short: 'Make and follow an NHS England data access request (DARS) in Teams chat.',
      full: [
        "DARS Bot brings NHS England's Data Access Request Service into Microsoft Teams.",
        'Applicants make a data access request in a one-to-one chat with the bot, answering its questions step by step,',
        'send their cohort file as an attachment, and follow the status of their request at any time.',
        'DARS staff see the queue, their own and overdue cases in their team channel,',
        'and review and decide on each request on Adaptive Cards.',
        'When a Data Sharing Agreement (DSA) is ready, the bot asks each signatory to sign it.',
      ].join(' '),
    },
    icons: { color: COLOR_ICON_FILE, outline: OUTLINE_ICON_FILE },
    accentColor: NHS_BLUE,
    bots: [
      {
        botId: options.botAppId,
        scopes: ['personal', 'team'],
        // The applicant sends the cohort file as an attachment in the 1:1 chat.
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [personalCommands, teamCommands],
      },
    ],
    // A bot needs no valid domains of its own; listing its host lets later tabs or sign-in pages
    // on it open inside Teams. Loopback hosts are left out: they are no domain the publisher owns.
    ...(isLoopback(domain) ? {} : { validDomains: [domain] }),
    // Graph activity-feed notifications require the Entra app id here. `resource` is only used
    // for SSO, which the bot doesn't do, but Teams rejects the section without one.
    webApplicationInfo: {
      id: options.botAppId,
      resource: `api://${domain}/${options.botAppId}`,
    },
    authorization: {
      permissions: {
        // The bot sends activity notifications app-only (no signed-in user). These "basic" RSC
        // permissions are consented on install, so no tenant-wide TeamsActivity.Send admin
        // consent is needed: .User where installed personally, .Group where installed in a team.
        resourceSpecific: [
          { type: 'Application', name: 'TeamsActivity.Send.User' },
          { type: 'Application', name: 'TeamsActivity.Send.Group' },
        ],
      },
    },
    activities: {
      activityTypes: [
        {
          type: DSA_SIGNATURE_ACTIVITY,
          description: 'A Data Sharing Agreement is waiting for your signature',
          templateText: '{actor} asked you to sign the DSA for {caseReference}',
        },
      ],
    },
  };
}

// Command titles are what Teams inserts into the compose box, so they hold no placeholders;
// arguments are explained in the description.
const personalCommands: CommandList = {
  scopes: ['personal'],
  commands: [
    { title: 'help', description: 'What DARS Bot can do and how to ask' },
    { title: 'status', description: 'Where your data access request stands and what happens next' },
    { title: 'new enquiry', description: 'Start a new data access request' },
    { title: 'cancel', description: 'Stop what you are doing now' },
  ],
};

const teamCommands: CommandList = {
  scopes: ['team'],
  commands: [
    { title: 'queue', description: 'Cases waiting to be picked up' },
    { title: 'mine', description: 'Cases assigned to you' },
    { title: 'overdue', description: 'Cases past their target date' },
    { title: 'case', description: 'Show one case: case <reference>' },
  ],
};

/** BOT_DOMAIN may be written as a bare host or a URL; the manifest wants the host (and port). */
function hostOf(botDomain: string): string {
  const text = botDomain.trim();
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).host;
}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '127.0.0.1' || name === '[::1]';
}

/** So relative URLs resolve beneath the site's path rather than replacing its last segment. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
