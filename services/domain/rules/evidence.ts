/**
 * The legal and ethical evidence DARS asks applicants for, as data: the kinds a file can evidence,
 * their names in words, and which of the preliminary assessment's "evidence needed" items each
 * kind answers. An item no kind answers (free text such as "letter from the Caldicott Guardian")
 * stays on the checklist for the DARS contact to follow up, but does not hold the submission.
 */
export const evidenceKinds = ['ethicsApproval', 'cagSupport', 'securityEvidence', 'consentMaterials', 'dataFlowDiagram'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceKindNames: Readonly<Record<EvidenceKind, string>> = {
  ethicsApproval: 'Ethics approval letter',
  cagSupport: 'CAG (s251) support letter',
  securityEvidence: 'DSPT or ISO 27001 evidence',
  consentMaterials: 'Consent materials',
  dataFlowDiagram: 'Data-flow diagram',
};

/**
 * The same names inside a sentence ("Kept … as the CAG (s251) support letter"): lower case but
 * for the acronyms, which lower-casing the names above would spoil ("cag", "dspt", "iso").
 */
export const evidenceKindNamesInSentence: Readonly<Record<EvidenceKind, string>> = {
  ethicsApproval: 'ethics approval letter',
  cagSupport: 'CAG (s251) support letter',
  securityEvidence: 'DSPT or ISO 27001 evidence',
  consentMaterials: 'consent materials',
  dataFlowDiagram: 'data-flow diagram',
};

/** Words an applicant may type to say what a file is, besides the kind's number in the list. */
const kindPatterns: readonly (readonly [RegExp, EvidenceKind])[] = [
  [/\bethic/i, 'ethicsApproval'],
  [/\b(cag|s ?251|section 251|confidentiality advisory)/i, 'cagSupport'],
  [/\b(dspt|iso ?27001|security|slsp)/i, 'securityEvidence'],
  [/\bconsent/i, 'consentMaterials'],
  [/\bdata[- ]?flow/i, 'dataFlowDiagram'],
];

/** The kind an "evidence needed" item (or an applicant's words) names, if any. */
export function evidenceKindOf(words: string): EvidenceKind | undefined {
  return kindPatterns.find(([pattern]) => pattern.test(words))?.[1];
}

/** The most a file may be: Teams itself allows more, but DARS's reviewers read letters and diagrams. */
export const maximumEvidenceBytes = 25 * 1024 * 1024;
