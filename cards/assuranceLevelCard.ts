import type { AssuranceFactName } from '../services/domain/rules/config';
import { defaultRules } from '../services/domain/rules/defaultRules';
import { reviewNames } from '../services/domain/rules/reviews';
import type { CaseState } from '../services/domain/workflow';
import { capitalise, clip, dayOf, yesNo } from './frame/cardText';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/assuranceLevel.json';
import type { CardVerbs } from './actions/verbSpec';

/**
 * Assurance (DOMAIN stage 4): the level DARS Bot recommends with every reason, the facts it read,
 * and for the DARS contact, staff or assurance the choice to confirm it or change it with a reason.
 */
const factTitles: Readonly<Record<AssuranceFactName, string>> = {
  novelOrContentious: 'Novel or contentious',
  commercial: 'Commercial purpose',
  identifiableWithoutConsent: 'Identifiable without consent',
  subLicensed: 'Sub-licensed',
  gpData: 'GP data',
  recordLevel: 'Record-level data',
  cloudOutsideUk: 'Cloud storage outside the UK',
};

export function assuranceLevelCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer);
  const rules = options.rules ?? defaultRules;
  const assurance = state.facts.assurance;
  const confirmed = assurance?.confirmed;
  return fitToBudget((fit) =>
    frameCard(
      template,
      {
        recommended: assurance?.recommended.label ?? '—',
        recommendedLevel: assurance?.recommended.level ?? rules.assurance.defaultLevel,
        reasons: (assurance?.recommended.reasons ?? ['The application has not been accepted yet.']).map((text) => ({ text })),
        facts: assurance ? (Object.keys(factTitles) as AssuranceFactName[]).map((name) => ({ title: factTitles[name], value: yesNo(assurance.recommended.facts[name]) })) : [],
        confirmed: confirmed
          ? `Confirmed: ${confirmed.label} assurance, by ${confirmed.stamp.by.name} on ${dayOf(confirmed.stamp.at)}${confirmed.reason ? `, changed from ${assurance.recommended.label} because: ${clip(confirmed.reason, fit.text)}` : ''}.`
          : '',
        reviews: (assurance?.requiredReviews ?? []).map((review) => ({ text: `${capitalise(reviewNames[review.review])}: ${review.reason}` })),
        levels: rules.assurance.levels.map((level) => ({ title: level.id === assurance?.recommended.level ? `${level.label} (recommended)` : level.label, value: level.id })),
        can: { confirm: can('confirmAssuranceLevel') },
      },
      { state, viewer, now, options, title: 'Assurance level', card: 'assuranceLevel', actions: ['confirmAssuranceLevel'] },
    ),
  );
}

export const assuranceLevelVerbs = {
  'assurance.confirmLevel': { command: 'confirmAssuranceLevel', build: (i) => ({ level: i.text('level'), ...(i.optional('reason') ? { reason: i.optional('reason') } : {}) }), labels: { level: 'Assurance level', reason: 'Reason for the change' } },
} as const satisfies CardVerbs;
