import type { CaseHistoryCheck } from '../../services/storage/cases/caseHistoryCheck';
import { describeVerdict } from '../../services/storage/cases/commitChain';

/**
 * "@DARS Bot verify DARS-2026-00042" (one case) or "@DARS Bot verify" (every case) in a staff
 * channel: whether each history is as it was written, naming the first broken link of each case
 * that is not. Plain text: references, versions and our own words only.
 */
const listed = 20;

export async function historyReply(history: CaseHistoryCheck, reference: string | undefined): Promise<string> {
  if (reference) {
    const verdict = await history.verifyCase(reference);
    return verdict ? describeVerdict(verdict) : `There is no case ${reference}. Check the reference, which looks like DARS-2026-00042.`;
  }
  const report = await history.verifyAll();
  if (report.broken.length === 0) return `Checked the history of ${report.checked} ${report.checked === 1 ? 'case' : 'cases'}: every one verifies.`;
  const lines = report.broken.slice(0, listed).map((verdict) => `- ${describeVerdict(verdict)}`);
  const more = report.broken.length > listed ? `\n- … and ${report.broken.length - listed} more: run npm run verify-history for the full list.` : '';
  return `Checked the history of ${report.checked} cases: ${report.broken.length} do not verify.\n\n${lines.join('\n')}${more}`;
}
