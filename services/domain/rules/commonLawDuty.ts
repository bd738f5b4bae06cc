import type { DataLevel } from '../enquiry/enquiry';
import type { RulesConfig } from './config';
import { defaultRules } from './defaultRules';
import { met, unmet, type Reason } from './reason';

/**
 * The common law duty of confidentiality (DOMAIN.md): identifiable data without consent needs
 * s251 support, evidenced by a Confidentiality Advisory Group (CAG) reference. "Not applicable"
 * is only an answer for data that is not identifiable.
 */
export const commonLawBases = ['consent', 's251', 'notApplicable'] as const;
export type CommonLawBasis = (typeof commonLawBases)[number];

export interface CommonLawDutyRequest {
  readonly level: DataLevel;
  readonly basis: CommonLawBasis;
  readonly cagReference?: string | undefined;
}

export interface CommonLawDutyOutcome {
  readonly s251Required: boolean;
  readonly met: boolean;
  readonly reasons: readonly Reason[];
}

export function checkCommonLawDuty(request: CommonLawDutyRequest, config: RulesConfig = defaultRules): CommonLawDutyOutcome {
  if (request.level !== 'identifiable') {
    const reason = met(`The data is ${request.level}, not identifiable, so s251 support is not needed.`);
    return { s251Required: false, met: true, reasons: [reason] };
  }
  if (request.basis === 'consent') {
    return { s251Required: false, met: true, reasons: [met('Identifiable data with the data subjects’ consent: s251 support is not needed; the consent materials are the evidence.')] };
  }
  if (request.basis === 'notApplicable') {
    return { s251Required: true, met: false, reasons: [unmet('“Not applicable” is only for data that is not identifiable. Identifiable data needs consent or s251 support with a CAG reference.')] };
  }
  const reference = request.cagReference?.trim() ?? '';
  if (reference === '') {
    return { s251Required: true, met: false, reasons: [unmet('Identifiable data without consent needs s251 support: give the CAG reference (for example 21/CAG/0123).')] };
  }
  if (!new RegExp(config.commonLawDuty.cagReferencePattern).test(reference)) {
    return { s251Required: true, met: false, reasons: [unmet(`“${reference}” does not look like a CAG reference (for example 21/CAG/0123).`)] };
  }
  return { s251Required: true, met: true, reasons: [met(`Identifiable data without consent, with s251 support: CAG reference ${reference}.`)] };
}
