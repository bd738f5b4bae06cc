import type { RequestedDataset } from '../enquiry/enquiry';
import { levelLabel } from './assuranceLevel';
import type { RulesConfig } from './config';
import { defaultRules } from './defaultRules';

/**
 * Which reviews an application needs (DOMAIN.md stage 4): always the assurance review at the
 * confirmed level; AGD at the levels configured (the highest); PAG whenever GP data is included.
 */
export const reviewKinds = ['assurance', 'agd', 'pag'] as const;
export type ReviewKind = (typeof reviewKinds)[number];

export const reviewNames: Readonly<Record<ReviewKind, string>> = {
  assurance: 'the assurance review',
  agd: 'the Advisory Group for Data (AGD)',
  pag: 'the Profession Advisory Group (PAG)',
};

export interface RequiredReview {
  readonly review: ReviewKind;
  readonly reason: string;
}

export interface GpDataOutcome {
  readonly pagRequired: boolean;
  readonly reasons: readonly string[];
}

export function checkGpData(datasets: readonly RequestedDataset[]): GpDataOutcome {
  const gp = datasets.filter((dataset) => dataset.containsGpData);
  if (gp.length === 0) return { pagRequired: false, reasons: ['No GP data is requested, so PAG does not need to review.'] };
  const names = gp.map((dataset) => `${dataset.name} (${dataset.code})`).join(', ');
  return { pagRequired: true, reasons: [`GP data is requested — ${names} — so PAG must review.`] };
}

export function requiredReviews(level: string, datasets: readonly RequestedDataset[], config: RulesConfig = defaultRules): RequiredReview[] {
  const reviews: RequiredReview[] = [
    { review: 'assurance', reason: `Every application has an assurance review; this one at ${levelLabel(level, config)} level.` },
  ];
  if (config.assurance.agdLevels.includes(level)) {
    reviews.push({ review: 'agd', reason: `${levelLabel(level, config)} assurance needs advice from AGD.` });
  }
  const gp = checkGpData(datasets);
  if (gp.pagRequired) reviews.push({ review: 'pag', reason: gp.reasons[0] ?? 'GP data is requested.' });
  return reviews;
}
