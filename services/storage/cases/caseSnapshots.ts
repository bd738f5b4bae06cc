import type { Collection, Db } from 'mongodb';

import { insertedFresh, isDuplicateKey } from '../database/duplicateKey';

/**
 * One snapshot per case: the case folded at its latest version, with that version and the hash
 * of its last commit. A decision, a card and a delivery read this one small document by `_id`
 * instead of every commit of the case (a sorted find, then a fold).
 *
 * The commits stay the truth: the hash chain is verified on them, never on a snapshot, and a
 * snapshot is only a copy of their fold, written after its commit together with the index
 * refresh. So a snapshot can trail the log — for the moment between a commit and its refresh, or
 * for good if the process died in that moment — and is used only once it is known to be current:
 * by one lookup of the commit that would follow it (`CaseLog.hasCommitAfter`), or, for a
 * decision, by the commit's own insert, which collides when a later commit exists.
 *
 * The fold is stored as JSON text (the state holds only JSON values: dates are ISO strings), so
 * what is read back is exactly what the fold made, and the database does not index its fields.
 */
export interface CaseSnapshot<S> {
  readonly state: S;
  readonly version: number;
  /** The hash of the case's last commit: what the next commit points at. */
  readonly head: string;
}

/**
 * The shape of the fold the stored snapshots were made by. Raise it whenever the fold makes
 * something different from the same events (a field added to the case state, an evolver
 * changed): snapshots of another form are ignored and the log is read instead, until the case's
 * next decision writes a snapshot of the new form.
 */
export const snapshotForm = 1;

/** A snapshot as stored: what `write` upserts (and the case-store benchmark seeds). */
export interface StoredSnapshot {
  _id: string;
  version: number;
  head: string;
  form: number;
  state: string;
  updatedAt: Date;
}

export class CaseSnapshots<S> {
  readonly snapshots: Collection<StoredSnapshot>;

  constructor(db: Db) {
    this.snapshots = db.collection<StoredSnapshot>('caseSnapshots');
  }

  /** The case's snapshot as stored (possibly trailing its log), or nothing if there is none of this form. */
  async read(caseId: string): Promise<CaseSnapshot<S> | undefined> {
    const stored = await this.snapshots.findOne({ _id: caseId });
    if (!stored || stored.form !== snapshotForm) return undefined;
    return { state: JSON.parse(stored.state) as S, version: stored.version, head: stored.head };
  }

  /**
   * Stores the snapshot of `version` unless a newer one is there: one upsert. When a newer one
   * exists the upsert's insert collides on `_id`, which is the answer "keep the newer".
   * FerretDB 1.x applies the version condition as an unlocked read-then-write, so two racing
   * writers can leave the older one; `CaseCommands.refreshIndex` then finds the newer commit
   * and writes again.
   */
  async write(caseId: string, snapshot: CaseSnapshot<S>, now: Date, created = false): Promise<void> {
    const document = storedSnapshot(caseId, snapshot, now);
    // A new case's first snapshot: a plain insert (cheaper on FerretDB than an upsert), unless one is there.
    if (created && (await insertedFresh(this.snapshots, document))) return;
    const { _id: _, ...stored } = document;
    try {
      // A snapshot of an older form is replaced even at the same version.
      const older = { $or: [{ version: { $lt: snapshot.version } }, { form: { $ne: snapshotForm } }] };
      await this.snapshots.updateOne({ _id: caseId, ...older }, { $set: stored }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}

export function storedSnapshot<S>(caseId: string, snapshot: CaseSnapshot<S>, now: Date): StoredSnapshot {
  return { _id: caseId, version: snapshot.version, head: snapshot.head, form: snapshotForm, state: JSON.stringify(snapshot.state), updatedAt: now };
}
