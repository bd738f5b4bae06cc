import { readFileSync } from 'node:fs';

import type { Db } from 'mongodb';

import type { CaseLog } from '../../services/storage/cases/caseLog';
import type { DeliveryPolicy } from '../../services/domain/delivery/backoff';
import type { DeliveryResult } from '../../services/domain/delivery/deliveryResult';
import { currentDsaDocument, type DsaDocumentStore } from '../../services/storage/dsa/dsaDocumentStore';
import { signatoryRecipients } from '../../services/integrations/dsa/signatories';
import { signatureLedger, type StepLedger } from '../../services/integrations/dsa/signatureLedger';
import { graphSignatureRouting, localRoutingDescription, localSignatureRouting, runSignatureRouting, type SendSignatureCard, type SignatureRouting } from '../../services/integrations/dsa/signatureRouting';
import { routingResult } from '../../services/domain/dsa/signatureSteps';
import type { FileLibrary } from '../../services/integrations/evidence/fileCopies';
import { createGraphConnection, graphSettingsFrom, GraphDirectoryRoles, StaticDirectoryRoles, type DirectoryRoles } from '../../services/integrations/graph';
import { GraphPeopleDirectory, StaticPeopleDirectory, type PeopleDirectory } from '../../services/integrations/people/peopleDirectory';
import { foldCase, type CaseState } from '../../services/domain/workflow';
import type { SignatoryParty } from '../../services/domain/workflow/commands/fields';
import type { Config } from '../runtime/config';

/**
 * How DSA signature requests travel and where staff roles come from. With Microsoft Graph
 * configured: the DSA is uploaded to SharePoint, shared with the signatory, the app installed for
 * them, an activity-feed notice sent, then the signature card (each step once, resumable);
 * roles from Entra ID groups. Without: straight to the signature card in the signatory's 1:1
 * chat, roles from DARS_ROLES.
 */
export interface SignatureSetup {
  readonly directory: DirectoryRoles;
  /** People by email (the data controller signatory): the tenant's directory, or DARS_PEOPLE. */
  readonly people: PeopleDirectory;
  readonly ledger: StepLedger;
  /** One line for the start-up log. */
  readonly description: string;
  /** With Graph: the SharePoint library where files people send are copied too (bot/delivery/fileCopyDelivery.ts). */
  readonly fileLibrary?: FileLibrary;
  /** Routes one signature request as far as it can now; "retry at" while steps remain, for the road to come back. */
  request(state: CaseState, party: SignatoryParty, dsaVersion: number, documentHash: string, sendCard: SendSignatureCard): Promise<DeliveryResult>;
}

export function signatureSetup(config: Config, db: Db, log: CaseLog, documents: DsaDocumentStore, policy: Partial<DeliveryPolicy> = {}): SignatureSetup {
  // The delivery road's claim ledger and policy, over the DSA steps' own collections.
  const ledger = signatureLedger(db, { policy });
  const graph = graphSettingsFrom(config);
  let directory: DirectoryRoles;
  let people: PeopleDirectory;
  let routingFor: (sendCard: SendSignatureCard) => SignatureRouting;
  let description: string;
  let fileLibrary: FileLibrary | undefined;

  if (graph.mode === 'graph') {
    const settings = graph.settings;
    const trustedCa = config.GRAPH_TRUSTED_CA_FILE ? readFileSync(config.GRAPH_TRUSTED_CA_FILE, 'utf8') : undefined;
    const connection = createGraphConnection({ ...settings.client, ...(trustedCa ? { trustedCa } : {}) });
    directory = new GraphDirectoryRoles({ client: connection.client, groups: settings.roleGroups, cacheSeconds: settings.roleCacheSeconds });
    people = new GraphPeopleDirectory(connection.client);
    routingFor = (sendSignatureCard) =>
      graphSignatureRouting({
        ledger,
        client: connection.client,
        graphBaseUrl: settings.client.graphBaseUrl ?? 'https://graph.microsoft.com',
        driveId: settings.driveId,
        dsaFolder: settings.dsaFolder,
        teamsCatalogAppId: settings.teamsCatalogAppId,
        botAppId: config.MICROSOFT_APP_ID ?? config.TEAMS_APP_ID,
        // The document the request names, by its hash: the bytes kept when it was generated,
        // else rendered again from the case log (and checked against the hash before upload).
        loadDocument: async (request) => {
          const stored = await documents.load(request.caseId, request.documentHash);
          if (stored) return stored;
          const state = foldCase((await log.load(request.caseId)).events);
          if (!state) throw new Error(`Case ${request.caseId} has no history`);
          return currentDsaDocument(documents, request.caseId, state);
        },
        sendSignatureCard,
      });
    fileLibrary = { client: connection.client, driveId: settings.driveId, folder: settings.dsaFolder };
    description = `DSA signature requests go through Microsoft Graph (${connection.description}); ${directory.description}; ${people.description}`;
  } else {
    directory = new StaticDirectoryRoles(config.DARS_ROLES);
    people = new StaticPeopleDirectory(config.DARS_PEOPLE);
    routingFor = (sendSignatureCard) => localSignatureRouting({ ledger, sendSignatureCard });
    description = `${localRoutingDescription}; ${directory.description}; ${people.description}`;
  }

  return {
    directory,
    people,
    ledger,
    description,
    ...(fileLibrary ? { fileLibrary } : {}),
    async request(state, party, dsaVersion, documentHash, sendCard) {
      const recipients = await signatoryRecipients(state, party, directory);
      const report = await runSignatureRouting(routingFor(sendCard), {
        caseId: state.reference,
        caseReference: state.reference,
        nicNumber: state.nicNumber ?? state.reference,
        dsaVersion,
        documentHash,
        party,
        recipients,
        requestedBy: state.facts.dsa?.sent?.by.name ?? 'DARS',
      });
      return routingResult(report);
    },
  };
}
