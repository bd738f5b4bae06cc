import type { RulesConfig } from '../../services/domain/rules/config';
import { dsptStatuses } from '../../services/domain/rules/config';
import type { CaseState } from '../../services/domain/workflow';
import { latestAssessment } from './assessmentView';

/**
 * The preliminary assessment form's starting values: the last recorded assessment when staff
 * revise it, otherwise the defaults DOMAIN.md sets (the Secure Data Environment; the DSA signed
 * by NHS England and the data controller named in the enquiry). Toggles hold "true"/"false".
 */
export const standardEvidence = ['s251 support (CAG)', 'Ethics approval', 'Consent materials'] as const;

export const defaultAgreements = 'Data Sharing Agreement: the NHS England signatory and the data controller signatory';

const flag = (value: boolean | undefined): string => (value ? 'true' : 'false');

export function assessmentFormValues(state: CaseState, rules: RulesConfig) {
  const a = latestAssessment(state)?.assessment;
  const controller = state.facts.enquiry.organisations.find((o) => o.role === 'data controller')?.name ?? '';
  const evidence = a?.legalAndEthicalEvidence ?? [];
  const standard: readonly string[] = standardEvidence;
  const security = a?.security;
  return {
    accessService: a?.accessService.service ?? 'secureDataEnvironment',
    disseminationReason: a?.accessService.service === 'dissemination' ? a.accessService.reason : '',
    novelOrContentious: flag(a?.novelOrContentious),
    evidence: evidence.filter((item) => standard.includes(item)).join(','),
    otherEvidence: evidence.filter((item) => !standard.includes(item)).join('\n'),
    cohortSubmissionNeeded: flag(a?.cohortSubmissionNeeded),
    agreements: a ? a.agreements.map((item) => `${item.agreement}: ${item.signatory}`).join('\n') : defaultAgreements,
    signatoryEmail: a?.dataControllerSignatory.email ?? '',
    signatoryOrganisation: a?.dataControllerSignatory.organisation ?? controller,
    cloudUsed: flag(security?.cloudStorage.used),
    cloudProvider: security?.cloudStorage.provider ?? '',
    cloudRegion: security?.cloudStorage.region ?? '',
    cloudOutsideUk: flag(security?.cloudStorage.outsideUk),
    dsptCode: security?.evidence.dspt?.organisationCode ?? '',
    dsptStatus: security?.evidence.dspt?.status ?? 'none',
    dsptPublishedOn: security?.evidence.dspt?.publishedOn ?? '',
    certificationKind: security?.evidence.certification?.kind ?? 'none',
    certificationReference: security?.evidence.certification?.reference ?? '',
    certificationReviewed: flag(security?.evidence.certification?.reviewedBySecurity),
    planReference: security?.evidence.improvementPlan?.reference ?? '',
    planApproved: flag(security?.evidence.improvementPlan?.approvedByNhsEngland),
    planCompleteBy: security?.evidence.improvementPlan?.completeBy ?? '',
    workingDays: a?.timeEstimate.workingDays ?? null,
    timeNote: a?.timeEstimate.note ?? '',
    chargeType: a?.charging.chargeType ?? 'newApplication',
    agreementYears: a?.charging.agreementYears ?? null,
    evidenceChoices: standardEvidence.map((item) => ({ title: item, value: item })),
    dsptChoices: [{ title: 'No DSPT assessment', value: 'none' }, ...dsptStatuses.map((status) => ({ title: status, value: status }))],
    certificationChoices: [{ title: 'None', value: 'none' }, ...rules.security.certifications.map((kind) => ({ title: kind, value: kind }))],
    serviceChoices: [
      { title: `${rules.charges.accessServices.secureDataEnvironment.name} (the default)`, value: 'secureDataEnvironment' },
      { title: `${rules.charges.accessServices.dissemination.name} (give the reason)`, value: 'dissemination' },
    ],
  };
}
