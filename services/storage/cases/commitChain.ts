import { canonicalJson, sha256Hex } from '../../domain/integrity/canonicalJson';
import type { CaseCommit, LoggedEvent } from './caseCommit';

/**
 * The hash chain over a case's history. Each commit carries `hash`, the SHA-256 of its canonical
 * content, and `previousHash`, the hash of the commit it was decided on (the one whose `version`
 * is its `base`); a case's first commit points at `genesisHash`. The previous hash is known
 * without another read: a decision is taken on the case as loaded, whose last commit it is, and
 * the insert of `<caseId>#<base>` can only succeed on top of exactly that commit.
 *
 * Hashed: the commit's `_id`, `caseId`, `base`, `version`, `key`, `events`, `outbox` entries,
 * `committedAt` and `previousHash`. Not hashed: `pendingOutbox` and `outboxPending`, hints the
 * delivery worker rewrites after the insert; and any field added later, until it is listed here.
 */

export const genesisHash = '0'.repeat(64);

/** What a commit's hash covers: exactly these fields. */
export type SealedContent<E extends LoggedEvent = LoggedEvent> = Pick<CaseCommit<E>, '_id' | 'caseId' | 'base' | 'version' | 'key' | 'events' | 'outbox' | 'committedAt' | 'previousHash'>;

export function commitHash(commit: SealedContent<LoggedEvent>): string {
  const { _id, caseId, base, version, key, events, outbox, committedAt, previousHash } = commit;
  return sha256Hex(canonicalJson({ _id, caseId, base, version, key, events, outbox, committedAt, previousHash }));
}

/** What a check of a case's history found. `version` is the first version the broken link holds. */
export type ChainVerdict =
  | { readonly caseId: string; readonly intact: true; readonly version: number; readonly commits: number }
  | { readonly caseId: string; readonly intact: false; readonly version: number; readonly problem: string };

/**
 * Walks a case's commits in order (pure): each must follow the one before without a gap, point at
 * its hash, and hash to what it says. `recordedVersion` is what the case index last recorded:
 * the index is written only after a commit, so a history ending before it lost its last commits.
 */
export function verifyChain(caseId: string, commits: readonly CaseCommit<LoggedEvent>[], recordedVersion = 0): ChainVerdict {
  let version = 0;
  let previousHash = genesisHash;
  const broken = (at: number, problem: string): ChainVerdict => ({ caseId, intact: false, version: at, problem });
  for (const commit of [...commits].sort((a, b) => a.base - b.base)) {
    const first = commit.base + 1;
    if (commit.base > version) return broken(version + 1, `versions ${version + 1} to ${commit.base} are missing: a commit was deleted`);
    if (commit.base < version) return broken(first, `two commits hold version ${first}`);
    if (commit.caseId !== caseId || commit._id !== `${caseId}#${commit.base}`) return broken(first, 'the commit belongs to another case or was renamed');
    if (!Array.isArray(commit.events) || commit.version !== commit.base + commit.events.length) return broken(first, 'its events do not match its version');
    if (typeof commit.hash !== 'string') return broken(first, 'the commit has no hash (written before history was hashed, or stripped)');
    if (commit.previousHash !== previousHash) return broken(first, 'it does not point at the commit before it');
    if (hashOrUndefined(commit) !== commit.hash) return broken(first, `its content does not match its hash: it was edited after it was written (versions ${first} to ${commit.version})`);
    version = commit.version;
    previousHash = commit.hash;
  }
  if (recordedVersion > version) return broken(version + 1, `the case was at version ${recordedVersion} but its history ends at version ${version}: commits were deleted`);
  return { caseId, intact: true, version, commits: commits.length };
}

/** The commit's hash, or undefined when its stored content holds something no commit is written with. */
function hashOrUndefined(commit: SealedContent<LoggedEvent>): string | undefined {
  try {
    return commitHash(commit);
  } catch {
    return undefined;
  }
}

/** The verdict in a sentence for people (staff channel, the verify-history script). */
export function describeVerdict(verdict: ChainVerdict): string {
  return verdict.intact
    ? `${verdict.caseId}: history verified, ${verdict.commits} ${verdict.commits === 1 ? 'decision' : 'decisions'} up to version ${verdict.version}, each sealed by the one before.`
    : `${verdict.caseId}: history BROKEN at version ${verdict.version}: ${verdict.problem}.`;
}
