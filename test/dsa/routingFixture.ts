import type { Db } from 'mongodb';

import { renderDsaDocument } from '../../services/domain/dsa/dsaDocument';
import { currentDsaDocument, DsaDocumentStore } from '../../services/storage/dsa/dsaDocumentStore';
import { signatoryRecipients } from '../../services/integrations/dsa/signatories';
import { signatureLedger } from '../../services/integrations/dsa/signatureLedger';
import { graphSignatureRouting, type SignatureRouting } from '../../services/integrations/dsa/signatureRouting';
import type { SignatureRequest } from '../../services/domain/dsa/signatureSteps';
import { GraphDirectoryRoles } from '../../services/integrations/graph/directoryRoles';
import { createGraphConnection } from '../../services/integrations/graph/graphClient';
import type { CaseState, OutboxEffect } from '../../services/domain/workflow';
import type { SignatoryParty } from '../../services/domain/workflow/commands/fields';
import type { GraphStandIn } from '../support/graphStandIn';
import { standInCertificate } from '../support/graphStandIn';
import { freshDatabase } from '../support/testDatabase';
import { dsaTerms } from '../workflow/support/data';
import { caseAt } from '../workflow/support/driver';
import { carl, dana, nina } from '../workflow/support/people';

/**
 * A case sent for signature through the real workflow (approved → DSA generated from the
 * rendered document's hash → sent), the directory and people in the Graph stand-in, and a way
 * to build the signature routing as a bot process would, with a clock the test moves.
 */

export const carlInDirectory = { id: carl.id, displayName: carl.name, userPrincipalName: 'carl@leeds.example.ac.uk', mail: 'carl.controller@leeds.example.ac.uk' };
export const ninaInDirectory = { id: nina.id, displayName: nina.name, userPrincipalName: 'nina@nhs.example', mail: 'nina.signatory@nhs.example' };
export const nhseSignatoryGroup = '11111111-0000-4000-8000-000000000006';
export const botAppId = 'b0000000-0000-4000-8000-0000000000b0';
export const catalogAppId = 'c0000000-0000-4000-8000-0000000000c0';

export interface SentCard { readonly party: SignatoryParty; readonly userId: string; readonly documentHash: string; readonly documentUrl?: string }

export interface RoutingFixture {
  readonly db: Db;
  readonly state: CaseState;
  readonly caseId: string;
  readonly requests: SignatureEffect[];
  readonly cards: SentCard[];
  clock: Date;
  advance(seconds: number): void;
  /** A new "bot process": its own Graph connection and ledger over the same database. */
  router(): SignatureRouting;
  request(party: SignatoryParty): Promise<SignatureRequest>;
}

type SignatureEffect = Extract<OutboxEffect, { kind: 'requestSignature' }>;

export async function routingFixture(standIn: GraphStandIn, label: string): Promise<RoutingFixture> {
  standIn.addUser(carlInDirectory).addUser(ninaInDirectory).setGroupMembers(nhseSignatoryGroup, [nina.id]);
  const { db } = freshDatabase(label);
  const store = new DsaDocumentStore(db);
  const caseId = `case-${label}`;

  const driver = caseAt('dsaToGenerate');
  const document = await renderDsaDocument(driver.case, { terms: dsaTerms });
  await store.save(caseId, document);
  driver.do(dana, { type: 'generateDsa', contentHash: document.sha256, documentName: document.fileName, terms: dsaTerms });
  const sent = driver.do(dana, { type: 'sendDsa' });
  const requests = sent.effects.filter((effect): effect is SignatureEffect => effect.kind === 'requestSignature');
  const state = driver.case;
  await signatureLedger(db).ensureIndexes();

  const cards: SentCard[] = [];
  const fixture: RoutingFixture = {
    db, state, caseId, requests, cards,
    clock: new Date('2026-06-02T10:00:00Z'),
    advance(seconds) {
      fixture.clock = new Date(fixture.clock.getTime() + seconds * 1000);
    },
    router() {
      const graph = createGraphConnection({
        tenantId: standIn.tenantId, clientId: standIn.clientId, clientSecret: standIn.clientSecret,
        graphBaseUrl: standIn.url, authorityHost: standIn.url, trustedCa: standInCertificate,
      });
      return graphSignatureRouting({
        ledger: signatureLedger(db, { now: () => fixture.clock }),
        client: graph.client,
        graphBaseUrl: standIn.url,
        driveId: 'drive-dsa',
        dsaFolder: 'DSAs',
        teamsCatalogAppId: catalogAppId,
        botAppId,
        loadDocument: () => currentDsaDocument(store, caseId, state),
        sendSignatureCard: async (party, userId, context) => {
          cards.push({ party, userId, documentHash: context.documentHash, ...(context.documentUrl ? { documentUrl: context.documentUrl } : {}) });
        },
      });
    },
    async request(party) {
      const effect = requests.find((candidate) => candidate.party === party)!;
      const graph = createGraphConnection({
        tenantId: standIn.tenantId, clientId: standIn.clientId, clientSecret: standIn.clientSecret,
        graphBaseUrl: standIn.url, authorityHost: standIn.url, trustedCa: standInCertificate,
      });
      const directory = new GraphDirectoryRoles({ client: graph.client, groups: { nhseSignatory: nhseSignatoryGroup } });
      return {
        caseId, caseReference: state.reference, nicNumber: state.nicNumber!, dsaVersion: effect.dsaVersion, documentHash: effect.documentHash,
        party, recipients: await signatoryRecipients(state, party, directory), requestedBy: dana.name,
      };
    },
  };
  return fixture;
}
