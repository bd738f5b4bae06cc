import { formatDate } from '../calendar/isoDate';
import type { DsaContent } from './dsaContent';

/**
 * The DSA's wording for facts that take a sentence to say: security assurance and the legal
 * basis. Each is a list of (label, text) lines; empty ones are left out by the writer.
 */

export type Line = readonly [label: string, text: string | undefined];

export function securityLines(c: DsaContent): Line[] {
  const { evidence, storage } = c.security;
  const lines: Line[] = [];
  if (evidence.dspt) {
    const dspt = evidence.dspt;
    lines.push(['Data Security and Protection Toolkit', `organisation code ${dspt.organisationCode}, ${dspt.status}, published ${formatDate(dspt.publishedOn)}`]);
  }
  if (evidence.certification) {
    const cert = evidence.certification;
    lines.push(['Certification', `${cert.kind}, reference ${cert.reference}${cert.reviewedBySecurity ? ', reviewed by NHS England security' : ''}`]);
  }
  if (evidence.improvementPlan) {
    const plan = evidence.improvementPlan;
    lines.push(['Improvement plan', `${plan.reference}${plan.approvedByNhsEngland ? ', approved by NHS England' : ''}, to be completed by ${formatDate(plan.completeBy)}`]);
  }
  lines.push(['Storage', storage.storageLocation]);
  if (storage.cloud) lines.push(['Cloud storage', `${storage.cloud.provider}, region ${storage.cloud.region}`]);
  lines.push(['Storage outside the UK', storage.outsideUk ? 'Yes' : 'No']);
  lines.push(['Territory of use', storage.territoryOfUse]);
  return lines;
}

const commonLawWording = {
  consent: 'The data subjects’ consent.',
  s251: 'Support under section 251 of the NHS Act 2006 (Health Service (Control of Patient Information) Regulations 2002).',
  notApplicable: 'Not applicable: the data is not identifiable.',
} as const;

export function legalBasisLines(c: DsaContent): Line[] {
  const legal = c.legalBasis;
  const lines: Line[] = [
    ['UK GDPR Article 6', legal.article6],
    ['UK GDPR Article 9', legal.article9],
    ['Common law duty of confidentiality', commonLawWording[legal.commonLawDuty]],
  ];
  if (legal.commonLawDuty === 's251') lines.push(['Confidentiality Advisory Group (CAG) reference', legal.cagReference]);
  lines.push(['Ethical approval', legal.ethicalApproval.required ? legal.ethicalApproval.details : 'Not required']);
  lines.push(['National data opt-out', legal.patientObjections.nationalDataOptOutApplied
    ? 'Applied'
    : `Not applied: ${legal.patientObjections.explanation}`]);
  lines.push(['Privacy notice', legal.privacyNoticeUrl]);
  return lines;
}
