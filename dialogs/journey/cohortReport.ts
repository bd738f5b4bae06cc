import { formatDate } from '../../services/domain/calendar';
import { defaultRules } from '../../services/domain/rules/defaultRules';
import { formatCount, plural } from '../../services/domain/rules/reason';
import type { CohortFileReport } from '../../services/domain/rules/cohortFile/cohortFileCheck';
import type { CaseState } from '../../services/domain/workflow';

/**
 * The cohort file check's report as chat messages. The first message is the check's own summary:
 * every failing row, grouped by reason as row ranges, with exact counts. The second lists rows one
 * by one with all their reasons, up to a cap, so a person can fix them in order; the count of
 * the rest is exact. Reasons are fixed sentences, never values from the file.
 */
export const maxRowsListed = 50;

/** Markdown in Teams needs a blank line for a line break. */
const paragraphs = (text: string) => text.split('\n').join('\n\n');

export function cohortReportMessages(report: CohortFileReport, nicNumber: string): string[] {
  if (report.ok) return [report.summary];
  const messages = [`${paragraphs(report.summary)}\n\nNothing was sent to DARS. Fix the file, then attach it here again (its name must start with ${nicNumber}).`];
  if (report.failingRowCount > 0) {
    const rows: string[] = [];
    for (const failing of report.failingRows()) {
      if (rows.length === maxRowsListed) break;
      rows.push(`- Row ${formatCount(failing.row)}: ${failing.reasons.join('; ')}`);
    }
    const rest = report.failingRowCount - rows.length;
    const more = rest > 0 ? `\n\n…and ${plural(rest, 'more row')} (${formatCount(report.failingRowCount)} failing rows in all, each counted in the summary above).` : '';
    messages.push(`Row by row (row 1 is the header):\n\n${rows.join('\n')}${more}`);
  }
  return messages;
}

/** What the file must look like for this case, from its DSA. */
export function cohortFileRequirements(state: CaseState): string {
  const columns = defaultRules.cohortFile.columns;
  const terms = state.facts.dsa?.terms;
  const cohort = state.facts.access?.cohortFile;
  const required = [columns.uniqueReference, `${columns.status} (add or delete${cohort?.files.length ? '' : '; a first file is all add'})`, columns.dateOfBirth];
  if (terms?.datesMinimised) required.push(columns.personMinDate, columns.personMaxDate);
  const extra = terms?.cohortFileItems?.length ? ` It may also have: ${terms.cohortFileItems.join(', ')}.` : '';
  const due = cohort?.dueDate ? ` It is due by ${formatDate(cohort.dueDate)}.` : '';
  return (
    `Please send the cohort file for **${state.reference}**: a CSV file whose name starts with **${state.nicNumber ?? 'the NIC number'}** ` +
    `(for example ${state.nicNumber ?? 'NIC'}_cohort.csv), with the columns ${required.join(', ')}; dates as ${defaultRules.cohortFile.dateFormats.join(' or ')}; ` +
    `at most ${formatCount(defaultRules.cohortFile.maxRows)} rows.${extra}${due}`
  );
}
