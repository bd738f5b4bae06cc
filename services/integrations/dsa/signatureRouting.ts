import type { Client } from '@microsoft/microsoft-graph-client';
import type { z } from 'zod';

import { sendActivityNotification } from '../graph/activityFeed';
import { shareReadOnly, uploadToDocumentLibrary } from '../graph/documentLibrary';
import { installAppForUser, type ResourceSpecificPermission } from '../graph/teamsAppInstallation';
import type { SignatoryParty } from '../../domain/workflow/commands/fields';
import { sha256Of } from '../../domain/dsa/dsaDocument';
import type { ClaimOutcome } from '../../storage/delivery/claimLedger';
import type { StepLedger } from './signatureLedger';
import {
  installResultSchema, sentResultSchema, shareResultSchema, stepId, uploadResultSchema,
  type RoutingReport, type SignatoryRecipient, type SignatureRequest, type SignatureStep, type StepReport, type UploadResult,
} from '../../domain/dsa/signatureSteps';

/**
 * Routing a DSA signature request (DOMAIN.md stage 5): with Microsoft Graph, upload the DSA to
 * SharePoint (once per version), share it read-only with each signatory, install the bot for
 * them, post an activity-feed notice, then send the signature card in their 1:1 chat. Without
 * Graph (local mode), straight to the card. Each step is claimed and recorded in the ledger, so
 * running the same request again — a retry, a second bot process, a restart after a crash —
 * does only what is left. A step that fails (throttled: 429/503 with Retry-After) is retried on
 * a later run, not now; `RoutingReport.retryAt` says when.
 */

/** Sends the signature card (through the bot, which owns cards). Must be safe to call again after a crash. */
export type SendSignatureCard = (party: SignatoryParty, userId: string, context: { dsaVersion: number; documentHash: string; documentUrl?: string }) => Promise<void>;

export interface SignatureRouting {
  /** One line for the start-up log, saying how signature requests travel. */
  readonly description: string;
  route(request: SignatureRequest): Promise<RoutingReport>;
}

/**
 * Does as many steps of one signature request as it can now (for an outbox delivery of a
 * `requestSignature` effect). The report says what is done and, if not complete, when running
 * again can make progress; `routingResult(report)` turns that into the road's "retry at".
 */
export function runSignatureRouting(routing: SignatureRouting, request: SignatureRequest): Promise<RoutingReport> {
  return routing.route(request);
}

export interface GraphRoutingDependencies {
  readonly ledger: StepLedger;
  readonly client: Client;
  readonly graphBaseUrl: string;
  readonly driveId: string;
  /** Library folder holding one folder per NIC number, e.g. `DSAs`. */
  readonly dsaFolder: string;
  readonly teamsCatalogAppId: string;
  /** The manifest's resource-specific permissions, consented to when the app is installed (default: TeamsActivity.Send.User). */
  readonly installConsent?: readonly ResourceSpecificPermission[];
  /** The bot's Entra app id: the activity notice opens the 1:1 chat with the bot. */
  readonly botAppId: string;
  /** The DSA's bytes, as generated (e.g. `currentDsaDocument`); checked against the hash before upload. */
  readonly loadDocument: (request: SignatureRequest) => Promise<{ pdf: Buffer; fileName: string }>;
  readonly sendSignatureCard: SendSignatureCard;
}

export function graphSignatureRouting(deps: GraphRoutingDependencies): SignatureRouting {
  return {
    description: `DSA signature requests go through Microsoft Graph: the DSA is stored in SharePoint (drive ${deps.driveId}, folder ${deps.dsaFolder}/<NIC>), shared read-only with each signatory, the bot installed for them, an activity-feed notice sent, then the signature card in their 1:1 chat.`,
    route: (request) => new Run(deps.ledger, request).route(async (run) => {
      const upload = await run.step('upload', undefined, uploadResultSchema, async () => {
        const document = await deps.loadDocument(request);
        const sha256 = sha256Of(document.pdf);
        // Never put a document in front of a signatory other than the one their signature binds to.
        if (sha256 !== request.documentHash) throw new DocumentMismatch(request, sha256);
        const item = await uploadToDocumentLibrary(deps.client, { driveId: deps.driveId, folder: `${deps.dsaFolder}/${request.nicNumber}`, fileName: document.fileName, content: document.pdf });
        return { itemId: item.id, webUrl: item.webUrl, sha256 };
      });
      if (!upload) return undefined;
      for (const recipient of request.recipients) {
        await run.chain(recipient, [
          ['share', shareResultSchema, async () => {
            if (!recipient.email) throw new MissingEmail(recipient);
            return { permissionIds: await shareReadOnly(deps.client, { driveId: deps.driveId, itemId: upload.itemId, email: recipient.email }) };
          }],
          ['install', installResultSchema, async () => ({
            outcome: await installAppForUser(deps.client, deps.graphBaseUrl, { userId: recipient.userId, teamsAppId: deps.teamsCatalogAppId, consent: deps.installConsent ?? activityFeedConsent }),
          })],
          ['notify', sentResultSchema, async () => {
            await sendActivityNotification(deps.client, {
              userId: recipient.userId,
              activityType: 'dsaSignatureRequested', // declared in manifest/manifest.ts (DSA_SIGNATURE_ACTIVITY)
              topic: `Data Sharing Agreement ${request.nicNumber}, version ${request.dsaVersion}`,
              webUrl: `https://teams.microsoft.com/l/chat/0/0?users=28:${deps.botAppId}`,
              previewText: `Please sign version ${request.dsaVersion} of the Data Sharing Agreement for ${request.caseReference} (${request.nicNumber}). The signature card is in your chat with DARS Bot.`,
              templateParameters: { actor: request.requestedBy, caseReference: request.caseReference },
            });
            return { sent: true as const };
          }],
          ['card', sentResultSchema, async () => {
            await deps.sendSignatureCard(request.party, recipient.userId, { dsaVersion: request.dsaVersion, documentHash: request.documentHash, documentUrl: upload.webUrl });
            return { sent: true as const };
          }],
        ]);
      }
      return upload;
    }),
  };
}

/** The activity-feed notice needs the RSC permission the manifest declares for personal scope. */
const activityFeedConsent: readonly ResourceSpecificPermission[] = [{ permissionValue: 'TeamsActivity.Send.User', permissionType: 'Application' }];

/** The one line to log at start when Graph is not configured. */
export const localRoutingDescription =
  'Microsoft Graph is not configured (local mode): DSA signature requests go straight to each signatory’s 1:1 chat as a signature card — no SharePoint upload, sharing, app installation or activity-feed notice.';

export function localSignatureRouting(deps: { ledger: StepLedger; sendSignatureCard: SendSignatureCard }): SignatureRouting {
  return {
    description: localRoutingDescription,
    route: (request) => new Run(deps.ledger, request).route(async (run) => {
      for (const recipient of request.recipients) {
        await run.chain(recipient, [['card', sentResultSchema, async () => {
          await deps.sendSignatureCard(request.party, recipient.userId, { dsaVersion: request.dsaVersion, documentHash: request.documentHash });
          return { sent: true as const };
        }]]);
      }
      return undefined;
    }),
  };
}

type ChainLink = readonly [SignatureStep, z.ZodType<unknown>, () => Promise<unknown>];

/** One pass over a request: runs steps through the ledger and collects what happened. */
class Run {
  private readonly reports: StepReport[] = [];

  constructor(private readonly ledger: StepLedger, private readonly request: SignatureRequest) {}

  async route(body: (run: Run) => Promise<UploadResult | undefined>): Promise<RoutingReport> {
    if (this.request.recipients.length === 0) {
      // E.g. nobody in the NHS England signatory group: nothing can be sent, and that is not "done".
      const retryAt = new Date(this.ledger.now().getTime() + 15 * 60_000);
      return { complete: false, steps: [{ step: 'card', status: 'failed', retryAt, error: `No ${this.request.party} signatory to send the DSA to` }], retryAt };
    }
    const upload = await body(this);
    const pending = this.reports.filter((report) => report.status === 'waiting' || report.status === 'failed');
    const retryTimes = pending.map((report) => report.retryAt?.getTime()).filter((time): time is number => time !== undefined);
    return {
      complete: pending.length === 0,
      steps: this.reports,
      ...(retryTimes.length > 0 ? { retryAt: new Date(Math.min(...retryTimes)) } : {}),
      ...(upload ? { documentUrl: upload.webUrl } : {}),
    };
  }

  /** Runs one step; its result when done (now or before), else undefined. */
  async step<R>(step: SignatureStep, recipient: SignatoryRecipient | undefined, schema: z.ZodType<R>, perform: () => Promise<R>): Promise<R | undefined> {
    const outcome: ClaimOutcome<R> = await this.ledger.run({ id: stepId(this.request, step, recipient), caseId: this.request.caseId }, schema, async () => ({ kind: 'done', result: await perform() }));
    const who = recipient ? { userId: recipient.userId } : {};
    switch (outcome.kind) {
      case 'done':
        this.reports.push({ step, ...who, status: outcome.now ? 'doneNow' : 'done' });
        return outcome.result;
      case 'waiting':
        this.reports.push({ step, ...who, status: 'waiting', retryAt: outcome.until, ...(outcome.lastError ? { error: outcome.lastError } : {}) });
        return undefined;
      case 'failed':
        this.reports.push({ step, ...who, status: 'failed', retryAt: outcome.retryAt, error: outcome.error });
        return undefined;
    }
  }

  /** A recipient's steps in order; a step that is not done stops the ones after it. */
  async chain(recipient: SignatoryRecipient, links: readonly ChainLink[]): Promise<void> {
    for (const [step, schema, perform] of links) {
      if ((await this.step(step, recipient, schema, perform)) === undefined) return;
    }
  }
}

export class DocumentMismatch extends Error {
  constructor(request: SignatureRequest, actual: string) {
    super(`The DSA document for ${request.caseReference} version ${request.dsaVersion} hashes to ${actual}, not ${request.documentHash}; it was not uploaded`);
    this.name = 'DocumentMismatch';
  }
}

export class MissingEmail extends Error {
  constructor(recipient: SignatoryRecipient) {
    super(`No email address for the ${recipient.party} signatory ${recipient.userId}: the DSA cannot be shared with them`);
    this.name = 'MissingEmail';
  }
}
