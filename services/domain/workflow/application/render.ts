import { plainLines, type Answer } from '../../vocabulary/plainFacts';
import type { SectionContent } from './sections';

/**
 * A section as lines of text, "Label: value", the way a reviewer reads it — and the unit the
 * version diff compares. The words come from the one formatting layer every card uses
 * (`services/domain/vocabulary`): DARS labels, fixed answers in words, dates as "1 January 2027", lists
 * as "• " lines, empty answers left out. Multi-line answers keep their lines, so an edited
 * paragraph shows the lines that changed rather than the whole answer.
 */
export function renderSection(content: SectionContent): string[] {
  return plainLines(content as { readonly [key: string]: Answer });
}
