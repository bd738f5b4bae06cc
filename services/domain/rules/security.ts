import { z } from 'zod';
import { addMonths, compareDates, formatDate, isIsoDate, type IsoDate } from '../calendar/isoDate';
import { dsptStatuses, type RulesConfig } from './config';
import { defaultRules } from './defaultRules';
import { met, unmet, type Reason } from './reason';
import { hasHiddenCharacters } from '../text/hiddenCharacters';

/**
 * Security assurance (DOMAIN.md): one of
 *  1. a DSPT assessment at an accepted status ("Standards Met"/"Exceeded") and in date;
 *  2. an ISO 27001 certificate or SLSP reviewed by NHS England's security team;
 *  3. an improvement plan approved by NHS England, which then becomes a DSA special condition.
 * Approval and review flags are set by DARS staff (preliminary assessment), never by applicants.
 */

const isoDate = z.string().refine(isIsoDate, 'a date written YYYY-MM-DD');

export const dsptEvidenceSchema = z.object({
  organisationCode: z.string().trim().min(3, 'the DSPT organisation code, e.g. 8HV48').refine((code) => !hasHiddenCharacters(code), 'the code has an invisible character in it: please type it again'),
  status: z.enum(dsptStatuses),
  publishedOn: isoDate,
});

export const securityEvidenceSchema = z.object({
  dspt: dsptEvidenceSchema.optional(),
  improvementPlan: z.object({ reference: z.string().trim().min(1), approvedByNhsEngland: z.boolean(), completeBy: isoDate }).optional(),
  certification: z.object({ kind: z.string().trim().min(1), reference: z.string().trim().min(1), reviewedBySecurity: z.boolean() }).optional(),
});
export type SecurityEvidence = z.infer<typeof securityEvidenceSchema>;

export interface SecurityOutcome {
  readonly met: boolean;
  readonly via: 'dspt' | 'certification' | 'improvementPlan' | null;
  /** Conditions the DSA must carry when assurance rests on a plan rather than a result. */
  readonly specialConditions: readonly string[];
  readonly reasons: readonly Reason[];
}

export function checkSecurity(evidence: SecurityEvidence, today: IsoDate, config: RulesConfig = defaultRules): SecurityOutcome {
  const rules = config.security;
  const reasons: Reason[] = [];

  if (evidence.dspt) {
    const { organisationCode, status, publishedOn } = evidence.dspt;
    const oldestInDate = addMonths(today, -rules.dsptInDateMonths);
    const statusOk = rules.acceptedDsptStatuses.includes(status);
    const inDate = compareDates(publishedOn, oldestInDate) >= 0 && compareDates(publishedOn, today) <= 0;
    const subject = `The DSPT assessment for ${organisationCode} (${status}, published ${formatDate(publishedOn)})`;
    if (statusOk && inDate) {
      reasons.push(met(`${subject} is accepted: ${status} and in date (published within the last ${rules.dsptInDateMonths} months).`));
      return { met: true, via: 'dspt', specialConditions: [], reasons };
    }
    if (!statusOk) reasons.push(unmet(`${subject} is not enough: the status must be ${rules.acceptedDsptStatuses.join(' or ')}.`));
    if (!inDate) reasons.push(unmet(`${subject} is out of date: it must have been published on or after ${formatDate(oldestInDate)}.`));
  }

  if (evidence.certification) {
    const { kind, reference, reviewedBySecurity } = evidence.certification;
    if (!rules.certifications.includes(kind)) {
      reasons.push(unmet(`${kind} is not an accepted alternative to the DSPT; accepted: ${rules.certifications.join(', ')}.`));
    } else if (!reviewedBySecurity) {
      reasons.push(unmet(`The ${kind} evidence (${reference}) must be reviewed by NHS England's security team before it can be relied on.`));
    } else {
      reasons.push(met(`The ${kind} evidence (${reference}) has been reviewed and accepted by NHS England's security team.`));
      return { met: true, via: 'certification', specialConditions: [], reasons };
    }
  }

  if (evidence.improvementPlan) {
    const { reference, approvedByNhsEngland, completeBy } = evidence.improvementPlan;
    if (approvedByNhsEngland) {
      reasons.push(met(`The security improvement plan ${reference} is approved by NHS England; completing it by ${formatDate(completeBy)} becomes a condition of the DSA.`));
      const condition = `The organisation must complete its security improvement plan ${reference}, approved by NHS England, by ${formatDate(completeBy)}.`;
      return { met: true, via: 'improvementPlan', specialConditions: [condition], reasons };
    }
    reasons.push(unmet(`The security improvement plan ${reference} has not been approved by NHS England.`));
  }

  if (reasons.length === 0) {
    reasons.push(unmet(`No security assurance given: provide a DSPT assessment (${rules.acceptedDsptStatuses.join(' or ')}), ${rules.certifications.join(' or ')} evidence, or an improvement plan approved by NHS England.`));
  }
  return { met: false, via: null, specialConditions: [], reasons };
}
