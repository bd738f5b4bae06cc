import { compareDates, formatDate, type IsoDate } from '../calendar/isoDate';
import type { AccessServiceId, ChargeType, RulesConfig } from './config';
import { defaultRules } from './defaultRules';
import { formatPounds, plural } from './reason';

/**
 * Charges and the cost estimate (DOMAIN.md): the DARS fee for the kind of request, from the
 * tariff in force on the day, plus the access service's own charge per year of the agreement.
 * When the service's charge is not configured the estimate says so instead of guessing.
 */
export const chargeLabels: Readonly<Record<ChargeType, string>> = {
  newApplication: 'New application',
  amendment: 'Amendment',
  renewal: 'Renewal',
  extension: 'Extension',
  annualReview: 'Annual review',
};

export interface CostEstimateRequest {
  readonly chargeType: ChargeType;
  readonly accessService: AccessServiceId;
  readonly agreementYears: number;
  /** The day the request is made: chooses the tariff. */
  readonly on: IsoDate;
}

export interface CostLine {
  readonly description: string;
  readonly amountPence: number;
}

export interface CostEstimate {
  readonly lines: readonly CostLine[];
  readonly totalPence: number;
  /** False when part of the cost is not in the total (say why in the reasons). */
  readonly complete: boolean;
  readonly reasons: readonly string[];
}

export function estimateCost(request: CostEstimateRequest, config: RulesConfig = defaultRules): CostEstimate {
  const tariff = [...config.charges.tariffs]
    .filter((candidate) => compareDates(candidate.effectiveFrom, request.on) <= 0)
    .sort((a, b) => compareDates(b.effectiveFrom, a.effectiveFrom))[0];
  const lines: CostLine[] = [];
  const reasons: string[] = [];
  let complete = true;

  if (tariff) {
    const fee = tariff.fees[request.chargeType];
    lines.push({ description: `${chargeLabels[request.chargeType]} (DARS cost recovery)`, amountPence: fee });
    reasons.push(`${chargeLabels[request.chargeType]}: ${formatPounds(fee)}, the charge from ${formatDate(tariff.effectiveFrom)}.`);
  } else {
    complete = false;
    reasons.push(`No DARS charges are configured for requests made on ${formatDate(request.on)}.`);
  }

  const service = config.charges.accessServices[request.accessService];
  if (service.annualChargePence === null) {
    complete = false;
    reasons.push(`${service.name}: its own charge is quoted by the service and is not in this total.`);
  } else {
    const amount = service.annualChargePence * request.agreementYears;
    lines.push({ description: `${service.name}, ${plural(request.agreementYears, 'year')}`, amountPence: amount });
    reasons.push(`${service.name}: ${formatPounds(service.annualChargePence)} a year for ${plural(request.agreementYears, 'year')}.`);
  }
  const totalPence = lines.reduce((sum, line) => sum + line.amountPence, 0);
  return { lines, totalPence, complete, reasons };
}
