import { CardFactory, type Attachment } from 'botbuilder';

import { evidenceKindNames, evidenceKindNamesInSentence } from '../../services/domain/rules/evidence';
import { plainInMarkdown } from '../../services/domain/text/markdownText';
import type { CaseState } from '../../services/domain/workflow';
import { evidenceChecklist, formatFileSize } from '../../services/domain/workflow/state/evidenceChecklist';

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

/**
 * The applicant's own files, each behind a button that opens it (`links`, by file id, issued to
 * them): a card, because chat messages never carry links (bot/door/plainWords.ts makes any link in a
 * message inert, the last defence for people's words). Buttons name the kind of evidence, never
 * the file's name. Undefined when there is nothing to open.
 */
export function evidenceLinksCard(state: CaseState, links: Readonly<Record<string, string>>): Attachment | undefined {
  const actions = evidenceChecklist(state).flatMap((item) => {
    const url = item.file && item.kind ? links[item.file.fileId] : undefined;
    return url && item.kind ? [{ type: 'Action.OpenUrl', title: `Open the ${evidenceKindNamesInSentence[item.kind]}`, url }] : [];
  });
  if (actions.length === 0) return undefined;
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `The files you sent for ${state.reference}`, wrap: true, weight: 'Bolder' }],
    actions,
  });
}
