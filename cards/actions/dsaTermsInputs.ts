import { dsaTermsSchema, type DsaTerms } from '../../services/domain/workflow/commands/shapes';
import { CardInputs, type CardData } from './cardInputs';
import { describeIssues, pleaseCheck } from './problems';

/**
 * The DSA terms from the DSA card's "Generate" form. The router needs them before the command:
 * it renders the document from the case and these terms, hashes it, and only then builds the
 * generateDsa command (`commandFromCardAction` with the document's name and hash).
 */
export const dsaTermsLabels: Readonly<Record<string, string>> = {
  start: 'Start date',
  end: 'End date',
  use: 'Use',
  cohortFileWithinWorkingDays: 'Cohort file due within (working days of signature)',
  cohortFileItems: 'Cohort file columns allowed',
};

export function dsaTermsCandidate(inputs: CardInputs): Record<string, unknown> {
  const within = inputs.integer('cohortFileWithinWorkingDays', dsaTermsLabels.cohortFileWithinWorkingDays ?? '');
  const items = inputs.lines('cohortFileItems');
  return {
    start: inputs.text('start').trim(),
    end: inputs.text('end').trim(),
    use: inputs.text('use'),
    ...(within !== undefined ? { cohortFileWithinWorkingDays: within } : {}),
    ...(items.length > 0 ? { cohortFileItems: items } : {}),
    datesMinimised: inputs.flag('datesMinimised'),
  };
}

export type ParsedDsaTerms = { ok: true; terms: DsaTerms } | { ok: false; problem: string };

export function dsaTermsFromCard(data: CardData): ParsedDsaTerms {
  const inputs = new CardInputs(data);
  const candidate = dsaTermsCandidate(inputs);
  const parsed = dsaTermsSchema.safeParse(candidate);
  const problems = [...inputs.problems, ...(parsed.success ? [] : describeIssues(parsed.error.issues, dsaTermsLabels))];
  if (problems.length > 0 || !parsed.success) return { ok: false, problem: pleaseCheck(problems) };
  return { ok: true, terms: parsed.data };
}
