import { evidenceKindNames, evidenceKindNamesInSentence } from '../../services/domain/rules/evidence';
import type { CaseState } from '../../services/domain/workflow';
import { evidenceChecklist, formatFileSize } from '../../services/domain/workflow/state/evidenceChecklist';
import { literalText } from '../frame/literalText';

/**
 * The evidence checklist on the staff review cards: each item the preliminary assessment asked
 * for, with the file attached (its name, the applicant's words, as plain text; its size and
 * SHA-256) or "not attached". Each attached file's element (id `evidence-<fileId>`) has a button
 * that opens exactly that file, when the card was given a link for it (`fileLinks`); the button
 * names the kind of evidence, not the file, so the applicant's words stay out of button titles.
 */
export function evidenceElements(state: CaseState, fileLinks: Readonly<Record<string, string>> = {}): unknown[] {
  const items = evidenceChecklist(state);
  if (items.length === 0) return [];
  const rows = items.map((item) => {
    const what = item.kind ? evidenceKindNames[item.kind] : item.needed;
    if (!item.file) {
      return { type: 'TextBlock', text: `${what}: ${item.kind ? 'not attached yet' : 'not something the applicant attaches in chat'}`, wrap: true, spacing: 'Small', color: item.kind ? 'Warning' : 'Default' };
    }
    return {
      type: 'Container',
      id: `evidence-${item.file.fileId}`,
      spacing: 'Small',
      items: [
        { type: 'TextBlock', text: `${what}${item.extra ? ' (not on the list; sent by the applicant)' : ''}: ${item.file.fileName}`, wrap: true, weight: 'Bolder' },
        { type: 'TextBlock', text: `${formatFileSize(item.file.size)}, attached by ${item.file.attached.by.name}. SHA-256 ${item.file.sha256}`, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
        ...openFileButton(fileLinks[item.file.fileId], `Open the ${item.kind ? evidenceKindNamesInSentence[item.kind] : item.needed}`),
      ],
    };
  });
  return literalText([{ type: 'TextBlock', text: 'Evidence', weight: 'Bolder', separator: true, spacing: 'Medium' }, ...rows]);
}

/** An `Action.OpenUrl` under a file, or nothing when there is no link to give. */
export function openFileButton(url: string | undefined, title: string): unknown[] {
  return url ? [{ type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.OpenUrl', title, url }] }] : [];
}
