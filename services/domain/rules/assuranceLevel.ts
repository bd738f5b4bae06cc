import type { AssuranceFactName, RulesConfig } from './config';
import { defaultRules } from './defaultRules';

/**
 * The assurance level recommender (DOMAIN.md): the facts of the case against criteria held in
 * configuration. The recommendation is the highest level any criterion reaches; the reasons list
 * every criterion that applies, highest level first, so staff see all of them before confirming.
 */
export type AssuranceFacts = Readonly<Record<AssuranceFactName, boolean>>;

export interface AssuranceRecommendation {
  readonly level: string;
  readonly label: string;
  readonly reasons: readonly string[];
}

export function levelRank(level: string, config: RulesConfig = defaultRules): number {
  return config.assurance.levels.findIndex((candidate) => candidate.id === level);
}

export function levelLabel(level: string, config: RulesConfig = defaultRules): string {
  return config.assurance.levels.find((candidate) => candidate.id === level)?.label ?? level;
}

export function recommendAssuranceLevel(facts: AssuranceFacts, config: RulesConfig = defaultRules): AssuranceRecommendation {
  const applying = config.assurance.criteria
    .filter((criterion) => facts[criterion.fact])
    .sort((a, b) => levelRank(b.level, config) - levelRank(a.level, config));
  const level = applying.reduce(
    (highest, criterion) => (levelRank(criterion.level, config) > levelRank(highest, config) ? criterion.level : highest),
    config.assurance.defaultLevel,
  );
  const reasons = applying.length > 0
    ? applying.map((criterion) => `${criterion.reason.replace(/\.$/, '')} (${levelLabel(criterion.level, config)}).`)
    : [`None of the criteria for a higher level applies, so ${levelLabel(level, config)} assurance.`];
  return { level, label: levelLabel(level, config), reasons };
}
