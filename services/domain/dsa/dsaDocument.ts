import { createHash } from 'node:crypto';

import { formatDate } from '../calendar/isoDate';
import type { CaseState } from '../workflow';
import { dsaContentOf, type DsaContent, type DsaContentOptions } from './dsaContent';
import { legalBasisLines, securityLines } from './dsaWording';
import { PdfWriter } from './pdfWriter';

/**
 * The Data Sharing Agreement as a PDF a person signs. The same case (and terms) always gives the
 * same bytes, so the SHA-256 recorded on the case (`generateDsa`) identifies the document the
 * signatories are shown and every signature binds to it.
 */

export interface RenderedDsa {
  readonly pdf: Buffer;
  /** Lowercase hex, as the workflow's `generateDsa` and `signDsa` commands expect. */
  readonly sha256: string;
  /** E.g. `NIC-123456-AB1C2-DSA-v2.pdf`. */
  readonly fileName: string;
  readonly dsaVersion: number;
}

export async function renderDsaDocument(state: CaseState, options: DsaContentOptions = {}): Promise<RenderedDsa> {
  const content = dsaContentOf(state, options);
  const pdf = await writeDsa(content);
  return { pdf, sha256: sha256Of(pdf), fileName: dsaFileName(content.nicNumber, content.dsaVersion), dsaVersion: content.dsaVersion };
}

export function dsaFileName(nicNumber: string, dsaVersion: number): string {
  return `${nicNumber}-DSA-v${dsaVersion}.pdf`;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes the agreement; `appendix` adds pages after its own (the signature page of the signed
 * DSA of record, services/domain/dsa/signedRecords.ts), so the agreement's text is written by one function.
 */
export async function writeDsa(c: DsaContent, appendix?: (pdf: PdfWriter) => void): Promise<Buffer> {
  const controllerNames = c.controllers.map((org) => org.name).join(', ');
  const pdf = new PdfWriter({
    title: `Data Sharing Agreement ${c.nicNumber} version ${c.dsaVersion}`,
    subject: `Data Sharing Agreement between ${c.provider.name} and ${controllerNames}`,
    author: c.provider.name,
    createdAt: new Date(c.approvedAt),
  });

  pdf.title('Data Sharing Agreement', `${c.nicNumber}  ·  Version ${c.dsaVersion}  ·  Case ${c.caseReference}  ·  Approved ${formatDate(c.approvedOn)}`);
  pdf.paragraph(
    `This agreement sets out the terms on which ${c.provider.name} shares the data described below with ${controllerNames}. ` +
    'It is made under the Data Access Request Service (DARS). The data may be used only for the purpose, in the way and for the period set out here.',
  );

  pdf.heading('1. Parties');
  pdf.subheading(`${c.provider.name} (the data provider)`).fact('Address', c.provider.address);
  for (const org of c.controllers) {
    pdf.subheading(`${org.name} (data controller)`).fact('Address', org.address).fact('ICO registration number', org.icoRegistrationNumber);
  }
  for (const org of c.processors) {
    pdf.subheading(`${org.name} (data processor, acting on the data controller’s instructions)`)
      .fact('Address', org.address).fact('ICO registration number', org.icoRegistrationNumber);
  }

  pdf.heading('2. Data shared');
  pdf.fact('NIC number', c.nicNumber).fact('Level', levelNames[c.data.level]).fact('Years', c.data.years).fact('Filters', c.data.filters);
  pdf.subheading('Datasets');
  pdf.list(c.data.datasets.map((set) => `${set.name} (${set.code})${set.containsGpData ? ' - includes GP data' : ''}`));
  pdf.subheading('Fields');
  pdf.list(c.data.fields.map((field) => field.identifiableOrSensitive
    ? `${field.name} - identifiable or sensitive; justification: ${field.justification}`
    : field.name));
  pdf.fact('Data on children under 16', c.data.under16s.included ? `Included. Justification: ${c.data.under16s.justification}` : 'Not included');
  pdf.paragraph('Only the datasets, years and fields listed here may be provided or accessed under this agreement.');

  pdf.heading('3. Purpose');
  pdf.fact('Aim', c.purpose.objective.aim)
    .fact('How the data achieves it', c.purpose.objective.howTheDataAchievesIt)
    .fact('Data subjects', c.purpose.objective.dataSubjects)
    .fact('Wider programme', c.purpose.objective.widerProgramme)
    .fact('Processing activities', c.purpose.processingActivities)
    .fact('Expected outcomes', c.purpose.expectedOutcomes.outcomes)
    .fact('Measurable benefits', c.purpose.expectedOutcomes.measurableBenefits)
    .fact('Commercial purpose', c.purpose.commercial.commercial ? `Yes. ${c.purpose.commercial.details}` : 'No');

  pdf.heading('4. Security and confidentiality');
  for (const [label, value] of securityLines(c)) pdf.fact(label, value);
  pdf.paragraph('The data controller keeps the data confidential, lets only the people needed for the purpose see it, and tells NHS England at once of any breach.');

  pdf.heading('5. Legal basis');
  for (const [label, value] of legalBasisLines(c)) pdf.fact(label, value);

  pdf.heading('6. Access service');
  pdf.fact('Access service', c.access.serviceName).fact('Why the data is disseminated', c.access.disseminationReason);
  pdf.fact('Sub-licensing and onward sharing', c.access.subLicensing.subLicensed
    ? `Permitted as follows: ${c.access.subLicensing.onwardSharing}`
    : 'Not permitted: the data must not be sub-licensed or shared onward.');

  pdf.heading('7. Special conditions');
  if (c.specialConditions.length === 0) pdf.paragraph('None.');
  else pdf.list(c.specialConditions.map((condition) => `${condition.text} (from ${conditionSources[condition.source] ?? condition.source})`), { numbered: true });

  pdf.heading('8. Term');
  pdf.fact('Start date', formatDate(c.term.start)).fact('End date', formatDate(c.term.end)).fact('Use', c.term.useLabel);
  if (c.term.cohortFileWithinWorkingDays !== undefined) {
    pdf.fact('Cohort file', `due within ${c.term.cohortFileWithinWorkingDays} working days of this agreement being signed by both parties`);
    pdf.fact('Cohort file columns allowed beyond the required ones', c.term.cohortFileItems?.join(', '));
    if (c.term.datesMinimised) pdf.fact('Dates of birth', 'minimised (PERSON_MIN_DATE and PERSON_MAX_DATE)');
  }
  pdf.paragraph('Access ends on the end date unless a renewal or extension is agreed; the data must then be destroyed or access closed, as the access service requires.');

  pdf.heading('9. Signatures');
  pdf.paragraph(
    'Each party signs in DARS Bot by typing their full name and confirming that they are authorised to sign. ' +
    'The signature is bound to the SHA-256 fingerprint of this exact document, recorded with the case; a changed document needs new signatures.',
  );
  pdf.signatureBlock(`For and on behalf of ${c.provider.name}`, [['Name', ''], ['Position', ''], ['Signature', ''], ['Date', '']]);
  for (const org of c.controllers) {
    const signatory = c.dataControllerSignatory?.organisation === org.name || c.controllers.length === 1 ? c.dataControllerSignatory : undefined;
    pdf.signatureBlock(`For and on behalf of ${org.name} (data controller)`, [['Name', signatory?.name ?? ''], ['Position', ''], ['Signature', ''], ['Date', '']]);
  }

  appendix?.(pdf);
  return pdf.finish((page, pages) => `Data Sharing Agreement ${c.nicNumber} version ${c.dsaVersion}  ·  Page ${page} of ${pages}`);
}

const levelNames = { aggregate: 'Aggregate', pseudonymised: 'Pseudonymised (record level)', identifiable: 'Identifiable (record level)' } as const;

const conditionSources: Readonly<Record<string, string>> = {
  assurance: 'the assurance review',
  agd: 'the Advisory Group for Data',
  pag: 'the Profession Advisory Group',
  security: 'the security assessment',
};
