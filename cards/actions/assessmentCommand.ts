import type { CardActionContext } from './cardActionContext';
import type { CardInputs } from './cardInputs';
import { standardEvidence } from '../views/assessmentForm';

/**
 * The preliminary assessment form (preliminaryAssessment card) as a recordPreliminaryAssessment
 * command. Groups of fields that only make sense together (a DSPT entry, a certification, an
 * improvement plan) are checked here so the message says which group is incomplete.
 */
export const assessmentLabels: Readonly<Record<string, string>> = {
  'assessment.accessService': 'Access service',
  'assessment.accessService.reason': 'Why dissemination rather than the Secure Data Environment',
  'assessment.legalAndEthicalEvidence': 'Other evidence needed',
  'assessment.agreements': 'Agreements needed',
  // The id and name come from the directory, found by the email: a problem with them is one with the email.
  'assessment.dataControllerSignatory': 'Data controller signatory: email',
  'assessment.dataControllerSignatory.organisation': 'Data controller signatory: organisation',
  'assessment.security.cloudStorage': 'Cloud storage',
  'assessment.security.evidence.dspt': 'DSPT',
  'assessment.security.evidence.certification': 'Certification',
  'assessment.security.evidence.improvementPlan': 'Security improvement plan',
  'assessment.timeEstimate.workingDays': 'Estimated time to access, in working days',
  'assessment.timeEstimate.note': 'About the estimate',
  'assessment.charging.chargeType': 'Charge',
  'assessment.charging.agreementYears': 'Years of the agreement',
};

/**
 * Staff give the signatory's email; the bot has looked the person up in the directory before the
 * command is built (`signatory`), so the command carries their Entra object id and name as the
 * directory has them, never as typed.
 */
export function assessmentCommand(inputs: CardInputs, signatory: CardActionContext['signatory']): Record<string, unknown> {
  const service = inputs.text('accessService') || 'secureDataEnvironment';
  const agreements = inputs.lines('agreements').map((line, i) => {
    const colon = line.indexOf(':');
    if (colon <= 0) inputs.problems.push(`“Agreements needed”, line ${i + 1}: write it as “agreement: who signs it”`);
    return colon <= 0 ? { agreement: line, signatory: '' } : { agreement: line.slice(0, colon).trim(), signatory: line.slice(colon + 1).trim() };
  });
  const standard: readonly string[] = standardEvidence;
  const email = inputs.text('signatoryEmail').trim();
  if (!signatory) inputs.problems.push('“Data controller signatory: email”: give the email address of the person who signs for the data controller, like name@organisation.nhs.uk');
  const workingDays = inputs.integer('workingDays', 'Estimated time to access, in working days');
  const years = inputs.integer('agreementYears', 'Years of the agreement');
  if (workingDays === undefined && inputs.text('workingDays').trim() === '') inputs.problems.push('“Estimated time to access, in working days”: give a number of working days');
  if (years === undefined && inputs.text('agreementYears').trim() === '') inputs.problems.push('“Years of the agreement”: give a number of years');
  return {
    type: 'recordPreliminaryAssessment',
    assessment: {
      accessService: service === 'dissemination' ? { service, reason: inputs.text('disseminationReason') } : { service },
      novelOrContentious: inputs.flag('novelOrContentious'),
      legalAndEthicalEvidence: [...inputs.choices('evidence').filter((item) => standard.includes(item)), ...inputs.lines('otherEvidence')],
      cohortSubmissionNeeded: inputs.flag('cohortSubmissionNeeded'),
      agreements,
      dataControllerSignatory: {
        id: signatory?.id ?? '',
        name: signatory?.name ?? '',
        email: signatory?.email ?? email,
        organisation: inputs.text('signatoryOrganisation'),
      },
      security: {
        cloudStorage: {
          used: inputs.flag('cloudUsed'),
          ...(inputs.optional('cloudProvider') ? { provider: inputs.optional('cloudProvider') } : {}),
          ...(inputs.optional('cloudRegion') ? { region: inputs.optional('cloudRegion') } : {}),
          outsideUk: inputs.flag('cloudOutsideUk'),
        },
        evidence: securityEvidence(inputs),
      },
      timeEstimate: { workingDays, ...(inputs.optional('timeNote') ? { note: inputs.optional('timeNote') } : {}) },
      charging: { chargeType: inputs.text('chargeType'), agreementYears: years },
    },
  };
}

function securityEvidence(inputs: CardInputs): Record<string, unknown> {
  const evidence: Record<string, unknown> = {};
  const status = inputs.text('dsptStatus');
  const code = inputs.optional('dsptCode');
  const published = inputs.optional('dsptPublishedOn');
  const dsptGiven = (status !== '' && status !== 'none') || code !== undefined || published !== undefined;
  if (dsptGiven) {
    if (!code || !published || status === '' || status === 'none') {
      inputs.problems.push('“DSPT”: give the organisation code, the status and the date it was published (or none of them)');
    }
    evidence.dspt = { organisationCode: code ?? '', status, publishedOn: published ?? '' };
  }
  const kind = inputs.text('certificationKind');
  if (kind !== '' && kind !== 'none') {
    const reference = inputs.optional('certificationReference');
    if (!reference) inputs.problems.push(`“Certificate reference”: give the ${kind} certificate reference`);
    evidence.certification = { kind, reference: reference ?? '', reviewedBySecurity: inputs.flag('certificationReviewed') };
  }
  const plan = inputs.optional('planReference');
  if (plan) {
    const completeBy = inputs.optional('planCompleteBy');
    if (!completeBy) inputs.problems.push('“Improvement plan to be complete by”: give the date the improvement plan is to be complete');
    evidence.improvementPlan = { reference: plan, approvedByNhsEngland: inputs.flag('planApproved'), completeBy: completeBy ?? '' };
  }
  return evidence;
}
