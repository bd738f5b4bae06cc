import { serviceAgreementDocument, serviceAgreementText } from '../access/serviceAgreement';
import { formatDate, londonDate } from '../calendar';
import type { CaseState } from '../workflow';
import { partyNames } from '../workflow/commands/fields';
import { dsaContentOf } from './dsaContent';
import { sha256Of, writeDsa } from './dsaDocument';
import { PdfWriter } from './pdfWriter';

/**
 * The signed documents of record (issue 10): once every party has signed, the agreement with a
 * signature page — each signatory's name as typed, their authority confirmed, when they signed
 * in plain English, their Microsoft Entra object id, and the SHA-256 of the document they
 * signed. Derived, not recorded: the bytes are a deterministic function of the case's own
 * events (the DSA and its signatures, or the service agreement's signature), so the case log
 * already holds everything the record says; the bytes are kept (`SignedRecordStore`) only so
 * that the copy people were sent is the copy they can open again after a release changes PDF
 * output. The agreement part is checked to render to the very SHA-256 that was signed.
 */

export type SignedDocumentKind = 'dsa' | 'serviceAgreement';

export interface SignedRecord {
  readonly kind: SignedDocumentKind;
  readonly pdf: Buffer;
  readonly sha256: string;
  readonly fileName: string;
  /** The SHA-256 of the document that was signed (the DSA version, or the service agreement text). */
  readonly signedHash: string;
}

interface SignatoryLine {
  readonly heading: string;
  readonly typedName: string;
  readonly signer: { readonly id: string; readonly name: string };
  readonly organisation: string;
  readonly at: string;
}

/** The signed document of this kind, if every party has signed it. */
export async function renderSignedRecord(state: CaseState, kind: SignedDocumentKind): Promise<SignedRecord | undefined> {
  return kind === 'dsa' ? signedDsa(state) : signedServiceAgreement(state);
}

async function signedDsa(state: CaseState): Promise<SignedRecord | undefined> {
  const dsa = state.facts.dsa;
  if (!dsa?.executed) return undefined;
  const content = dsaContentOf(state);
  if (sha256Of(await writeDsa(content)) !== dsa.contentHash) {
    throw new Error(`DSA version ${dsa.dsaVersion} of ${state.reference} cannot be reproduced: its SHA-256 differs from the one signed`);
  }
  const lines: SignatoryLine[] = dsa.signatures.map((signature) => ({
    heading: `For ${signature.party === 'nhse' ? 'NHS England' : organisationOf(state)} (${partyNames[signature.party]})`,
    typedName: signature.typedName,
    signer: signature.signer,
    organisation: signature.party === 'nhse' ? 'NHS England' : organisationOf(state),
    at: signature.at,
  }));
  const pdf = await writeDsa(content, (writer) => signaturePage(writer, `Data Sharing Agreement ${content.nicNumber} version ${dsa.dsaVersion}`, dsa.contentHash, lines, dsa.executed!.at));
  return { kind: 'dsa', pdf, sha256: sha256Of(pdf), fileName: `${content.nicNumber}-DSA-v${dsa.dsaVersion}-signed.pdf`, signedHash: dsa.contentHash };
}

async function signedServiceAgreement(state: CaseState): Promise<SignedRecord | undefined> {
  const signed = state.facts.access?.serviceAgreement.signed;
  if (!signed) return undefined;
  const [title, ...clauses] = serviceAgreementText.split('\n').filter((line) => line.trim() !== '');
  const writer = new PdfWriter({ title: title!, subject: `${title!} for ${state.nicNumber ?? state.reference}`, author: 'NHS England', createdAt: new Date(signed.at) });
  writer.title(title!, `${state.nicNumber ?? state.reference}  ·  Case ${state.reference}`);
  for (const clause of clauses) writer.paragraph(clause);
  const organisation = organisationOf(state);
  signaturePage(writer, serviceAgreementDocument.documentName, signed.documentHash, [
    { heading: `For ${organisation} (${partyNames.dataController})`, typedName: signed.typedName, signer: signed.by, organisation, at: signed.at },
  ], signed.at);
  const pdf = await writer.finish((page, pages) => `${serviceAgreementDocument.documentName}, signed  ·  Page ${page} of ${pages}`);
  return { kind: 'serviceAgreement', pdf, sha256: sha256Of(pdf), fileName: `${state.nicNumber ?? state.reference}-Service-Agreement-signed.pdf`, signedHash: signed.documentHash };
}

function signaturePage(writer: PdfWriter, documentTitle: string, signedHash: string, lines: readonly SignatoryLine[], completedAt: string): void {
  writer.newPage().heading('Signature page');
  writer.paragraph(
    `${documentTitle} was signed in DARS Bot by the people below, each by typing their full name and confirming that they are authorised to sign. ` +
    `Every signature is bound to the SHA-256 fingerprint of the document signed; the pages before this one are that document. Signed by every party on ${momentOf(completedAt)}.`,
  );
  writer.fact('SHA-256 of the document signed', signedHash);
  for (const line of lines) {
    writer.signatureBlock(line.heading, [
      ['Name as typed', line.typedName],
      ['Signed by', line.signer.name],
      ['Authority', `Confirmed: authorised to sign for ${line.organisation}`],
      ['Signed on', momentOf(line.at)],
      ['Entra object id', line.signer.id],
    ]);
  }
}

function organisationOf(state: CaseState): string {
  return state.people.dataControllerSignatory?.organisation ?? 'the data controller';
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false });

/** "3 June 2026 at 10:00 (UK time)". */
function momentOf(instant: string): string {
  const at = new Date(instant);
  return `${formatDate(londonDate(at))} at ${timeFormat.format(at)} (UK time)`;
}
