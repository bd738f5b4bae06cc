import type { CaseIndex } from './caseIndex';
import { caseReferenceClaims } from './caseReference';
import type { CaseLog, LoggedEvent } from './caseLog';
import { verifyChain, type ChainVerdict } from './commitChain';

/**
 * Checks cases' hash chains as stored: one case by reference, or every case. Every case means
 * each case the index lists and each reference ever claimed (a case whose commits and index
 * record were all deleted still has its claimed reference). A claimed reference with neither
 * commits nor an index record was never used, and is skipped.
 */
export interface HistoryReport {
  readonly checked: number;
  /** The cases whose chain is broken, each at its first broken link. */
  readonly broken: readonly ChainVerdict[];
}

const concurrentCases = 4;

export class CaseHistoryCheck {
  constructor(
    private readonly log: Pick<CaseLog<LoggedEvent>, 'db' | 'history'>,
    private readonly index: CaseIndex,
  ) {}

  async verifyCase(reference: string): Promise<ChainVerdict | undefined> {
    const [commits, record] = await Promise.all([this.log.history(reference), this.index.get(reference)]);
    if (commits.length === 0 && !record) return undefined;
    return verifyChain(reference, commits, record?.version ?? 0);
  }

  /** Every case, a few at a time; `onVerdict` hears each one as it is checked. */
  async verifyAll(onVerdict: (verdict: ChainVerdict) => void = () => undefined): Promise<HistoryReport> {
    const references = await this.allReferences();
    const broken: ChainVerdict[] = [];
    let checked = 0;
    let next = 0;
    const worker = async () => {
      while (next < references.length) {
        const verdict = await this.verifyCase(references[next++]!);
        if (!verdict) continue;
        checked += 1;
        if (!verdict.intact) broken.push(verdict);
        onVerdict(verdict);
      }
    };
    await Promise.all(Array.from({ length: concurrentCases }, worker));
    return { checked, broken: broken.sort((a, b) => a.caseId.localeCompare(b.caseId)) };
  }

  private async allReferences(): Promise<string[]> {
    const [indexed, claimed] = await Promise.all([
      this.index.cases.find({}, { projection: { _id: 1 } }).toArray(),
      this.log.db.collection<{ _id: string }>(caseReferenceClaims).find({}, { projection: { _id: 1 } }).toArray(),
    ]);
    return [...new Set([...indexed, ...claimed].map((document) => String(document._id)))].sort();
  }
}
