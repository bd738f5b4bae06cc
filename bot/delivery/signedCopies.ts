import { signedCopyCard } from '../../cards/signedCopyCard';
import type { AdaptiveCard } from '../../cards/render';
import { renderSignedRecord, type SignedRecord } from '../../services/domain/dsa/signedRecords';
import type { SignedRecordStore } from '../../services/storage/dsa/signedRecordStore';
import type { CaseState, OutboxEffect } from '../../services/domain/workflow';
import type { DocumentLinks } from '../documents/documentLinks';
import type { Target } from './recipients';

/**
 * Delivering a `sendSignedCopy` effect: the signed document of record is rendered from the case
 * (services/domain/dsa/signedRecords.ts), kept (insert-only, by its SHA-256), and each person who
 * signed it and the applicant get a message with their own link to it (bot/documents/documentLinks.ts).
 */
export interface SignedCopies {
  readonly store: SignedRecordStore;
  readonly links: DocumentLinks;
}

type SendSignedCopy = Extract<OutboxEffect, { kind: 'sendSignedCopy' }>;

export async function signedCopyMessages(copies: SignedCopies, state: CaseState, effect: SendSignedCopy): Promise<{ target: Target; card: AdaptiveCard; summary: string }[]> {
  const record = await renderSignedRecord(state, effect.document);
  // Nothing to send if the document signed is no longer the case's (it cannot be, once executed, but a copy must never name another document).
  if (!record || record.signedHash !== effect.documentHash) return [];
  await copies.store.save(state.reference, record);
  return recipientsOf(state, effect.document).map((personId) => ({
    target: { kind: 'person', id: personId },
    card: cardFor(copies, state, record, personId),
    summary: `${state.reference}: your signed copy of the ${record.kind === 'dsa' ? 'Data Sharing Agreement' : 'service agreement'}`,
  }));
}

function recipientsOf(state: CaseState, document: SendSignedCopy['document']): string[] {
  const signers = document === 'dsa'
    ? (state.facts.dsa?.signatures ?? []).map((signature) => signature.signer.id)
    : [state.facts.access?.serviceAgreement.signed?.by.id].filter((id): id is string => id !== undefined);
  return [...new Set([...signers, state.people.applicant.id])];
}

function cardFor(copies: SignedCopies, state: CaseState, record: SignedRecord, personId: string): AdaptiveCard {
  const nic = state.nicNumber ?? state.reference;
  const url = copies.links.served(state.reference, record.sha256, personId);
  const dsa = record.kind === 'dsa';
  return signedCopyCard({
    heading: dsa ? `${state.reference}: the Data Sharing Agreement is signed` : `${state.reference}: the service agreement is signed`,
    summary: (dsa ? `The Data Sharing Agreement for ${nic} is signed by both parties.` : `The service agreement for ${nic} is signed.`) +
      (url ? ' Here is your copy of record, with its signature page. The button works for you only, for a limited time; ask DARS if it has expired.' : ' DARS keeps the copy of record, with its signature page; ask DARS for it.'),
    sha256: record.sha256,
    ...(url ? { link: { url, title: dsa ? 'Open the signed DSA (PDF)' : 'Open the signed service agreement (PDF)' } } : {}),
  });
}
