import { addDays, addMonths, addYears, compareDates, formatDate, isIsoDate, type IsoDate } from '../calendar/isoDate';
import type { DsaUse, RulesConfig } from './config';
import { defaultRules } from './defaultRules';
import { met, plural, unmet, type Reason } from './reason';

/**
 * DSA term (DOMAIN.md): the start is not in the past and at most 12 months ahead; the length
 * depends on the use — the strictest applies when several do (a commercial sub-licence: 1 year).
 * A term of N years runs from the start date to the day before its N-th anniversary.
 */
export interface DsaTermRequest {
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Every use that applies; none means "other". */
  readonly uses: readonly DsaUse[];
}

export interface DsaTermOutcome {
  readonly ok: boolean;
  readonly maxYears: number;
  readonly latestStart: IsoDate;
  readonly latestEnd: IsoDate;
  readonly reasons: readonly Reason[];
}

export function checkDsaTerm(term: DsaTermRequest, today: IsoDate, config: RulesConfig = defaultRules): DsaTermOutcome {
  const rules = config.dsaTerm;
  const uses: readonly DsaUse[] = term.uses.length > 0 ? term.uses : ['other'];
  const strictest = uses.reduce((a, b) => (rules.maxYearsByUse[b] < rules.maxYearsByUse[a] ? b : a));
  const maxYears = rules.maxYearsByUse[strictest];
  const latestStart = addMonths(today, rules.maxStartMonthsAhead);
  if (!isIsoDate(term.start) || !isIsoDate(term.end)) {
    return { ok: false, maxYears, latestStart, latestEnd: latestStart, reasons: [unmet('The start and end dates must be real dates written YYYY-MM-DD.')] };
  }
  const latestEnd = addDays(addYears(term.start, maxYears), -1);
  const reasons: Reason[] = [];

  if (compareDates(term.start, today) < 0) {
    reasons.push(unmet(`The DSA cannot start in the past: ${formatDate(term.start)} is before today, ${formatDate(today)}.`));
  } else if (compareDates(term.start, latestStart) > 0) {
    reasons.push(unmet(`The DSA must start within ${plural(rules.maxStartMonthsAhead, 'month')}: on or before ${formatDate(latestStart)}.`));
  } else {
    reasons.push(met(`It starts on ${formatDate(term.start)}: not in the past and within ${plural(rules.maxStartMonthsAhead, 'month')}.`));
  }

  const limit = `A DSA for ${rules.useLabels[strictest]} lasts at most ${plural(maxYears, 'year')}`;
  if (compareDates(term.end, term.start) <= 0) {
    reasons.push(unmet(`The end date, ${formatDate(term.end)}, must be after the start date, ${formatDate(term.start)}.`));
  } else if (compareDates(term.end, latestEnd) > 0) {
    reasons.push(unmet(`${limit}: it must end on or before ${formatDate(latestEnd)}, not ${formatDate(term.end)}.`));
  } else {
    reasons.push(met(`${limit}; it ends on ${formatDate(term.end)}, within the limit.`));
  }
  return { ok: reasons.every((reason) => reason.met), maxYears, latestStart, latestEnd, reasons };
}
