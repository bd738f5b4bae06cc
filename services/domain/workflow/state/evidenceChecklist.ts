import { evidenceKindNames, evidenceKindNamesInSentence, evidenceKindOf, evidenceKinds, type EvidenceKind } from '../../rules/evidence';
import type { CaseState } from './caseState';
import type { EvidenceFileRecord } from './records';

/**
 * The preliminary assessment's "evidence needed" as a checklist: each item, the kind of file that
 * answers it, and the latest file attached as that kind. Files attached as a kind nobody asked for
 * are listed after the items, so nothing an applicant sent is hidden from DARS.
 */
export interface EvidenceChecklistItem {
  /** The item in DARS's words ("Ethics approval"), or the kind's name for an extra file. */
  readonly needed: string;
  readonly kind?: EvidenceKind;
  /** The latest file attached for it; its `fileId` is what a link to fetch it will name. */
  readonly file?: EvidenceFileRecord;
  /** True for a file attached as a kind no item asked for. */
  readonly extra?: boolean;
}

export function evidenceChecklist(state: CaseState): EvidenceChecklistItem[] {
  const files = state.facts.evidence ?? [];
  const latestOf = (kind: EvidenceKind) => [...files].reverse().find((file) => file.kind === kind);
  const needed = state.facts.assessments[state.facts.assessments.length - 1]?.assessment.legalAndEthicalEvidence ?? [];
  const items: EvidenceChecklistItem[] = needed.map((item) => {
    const kind = evidenceKindOf(item);
    const file = kind ? latestOf(kind) : undefined;
    return { needed: item, ...(kind ? { kind } : {}), ...(file ? { file } : {}) };
  });
  const asked = new Set(items.map((item) => item.kind));
  for (const kind of evidenceKinds) {
    const file = latestOf(kind);
    if (file && !asked.has(kind)) items.push({ needed: evidenceKindNames[kind], kind, file, extra: true });
  }
  return items;
}

/** The items that need a file and have none: what holds the application's submission. */
export function missingEvidence(state: CaseState): EvidenceChecklistItem[] {
  return evidenceChecklist(state).filter((item) => item.kind !== undefined && !item.file);
}

/**
 * The evidence the preliminary assessment asked for and nobody has attached, as the sentence that
 * holds the submission. Names DARS's items, which staff wrote, and the kinds, never file names.
 */
export function evidenceProblems(state: CaseState): string[] {
  const missing = missingEvidence(state);
  if (missing.length === 0) return [];
  const names = missing.map((item) => evidenceKindNamesInSentence[item.kind!]);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return [`DARS asked for evidence that is not attached yet: ${list}. Attach each file to a message in this chat (the paperclip under the box where you type) and tell me what it is.`];
}

/** The checklist in one line for the applicant's status: empty while DARS has asked for no file. */
export function evidenceStatusLine(state: CaseState): string {
  const wanted = evidenceChecklist(state).filter((item) => item.kind !== undefined && !item.extra);
  if (wanted.length === 0) return '';
  const attached = wanted.filter((item) => item.file).length;
  return attached === wanted.length
    ? ` Evidence: all ${wanted.length} files DARS asked for are attached.`
    : ` Evidence: ${attached} of the ${wanted.length} files DARS asked for attached; say **evidence** to see which.`;
}

/** Sizes as people read them: "840 KB", "2.4 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
