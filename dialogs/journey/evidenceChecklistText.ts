import { evidenceKindNames } from '../../services/rules/evidence';
import { plainInMarkdown } from '../../services/text/markdownText';
import type { CaseState } from '../../services/workflow';
import { evidenceChecklist, formatFileSize } from '../../services/workflow/state/evidenceChecklist';

/**
 * The evidence checklist as the applicant reads it in chat: each item DARS asked for, with the
 * file attached for it (its name as plain text, its size) or what is still needed.
 */
export function evidenceChecklistText(state: CaseState): string {
  const items = evidenceChecklist(state);
  if (items.length === 0) return `DARS has not asked for any evidence for **${state.reference}**.`;
  const lines = items.map((item) => {
    const what = item.kind ? evidenceKindNames[item.kind] : plainInMarkdown(item.needed);
    if (item.file) return `- ${what}: ${plainInMarkdown(item.file.fileName)} (${formatFileSize(item.file.size)})`;
    return item.kind ? `- ${what}: not attached yet` : `- ${what}: your DARS contact will tell you how to provide this`;
  });
  return `Evidence for **${state.reference}**:\n\n${lines.join('\n')}`;
}
