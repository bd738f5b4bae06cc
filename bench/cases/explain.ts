import type { Db, Document } from 'mongodb';

import { addDays, londonDate } from '../../services/domain/calendar';
import { benchNow, darsStaff, type PlannedCase } from './population';

/**
 * How the server runs each lookup the bench measures, from `explain` (which plans without
 * running). The filters mirror CaseQueries and CaseLog; this is a diagnostic printed beside the
 * timings, so a slow figure comes with its reason. Reads FerretDB's answer (pushdown flags and
 * the PostgreSQL plan) and MongoDB's (winning plan stages) alike.
 */

export interface PlanSummary {
  readonly label: string;
  readonly plan: string;
}

export async function explainLookups(db: Db, sample: PlannedCase): Promise<PlanSummary[]> {
  const open = { open: true };
  const soonestDue = { nextDue: 1, _id: 1 };
  const contact = darsStaff[0].id;
  const month = londonDate(benchNow).slice(0, 7);
  const lookups: [string, string, Document, Document | undefined, number][] = [
    // Queues are read a due month at a time (CaseIndex.openSoonestDue): one month's query each.
    ['queue({stage, status}), one month', 'cases', { ...open, stage: 'enquiry', status: 'enquiryUnderReview', dueMonth: month }, soonestDue, 50],
    ["queue({holderRole: 'pag'}), one month", 'cases', { ...open, holderRoles: 'pag', dueMonth: month }, soonestDue, 50],
    ['mine(contactId), as DARS contact, one month', 'cases', { ...open, darsContactId: contact, dueMonth: month }, soonestDue, 50],
    ['mine(contactId), as holder, one month', 'cases', { ...open, holderIds: contact, dueMonth: month }, soonestDue, 50],
    ['overdue(), each due day it walks', 'cases', { ...open, nextDue: addDays(londonDate(benchNow), -1) }, { _id: 1 }, 50],
    ['CaseIndex.get', 'cases', { _id: sample.reference }, undefined, 1],
    ['status(reference), a decision: CaseSnapshots.read', 'caseSnapshots', { _id: sample.reference }, undefined, 1],
    ['CaseLog.hasCommitAfter (is the snapshot current?)', 'caseCommits', { _id: `${sample.reference}#999` }, undefined, 1],
    ['CaseLog.load (commits of a case; a trailing snapshot)', 'caseCommits', { caseId: sample.reference }, { base: 1 }, 0],
    ['CaseLog.findByKey (idempotency key; a refused replay)', 'caseCommits', { key: `${sample.reference}/activity-1` }, undefined, 1],
  ];
  const summaries: PlanSummary[] = [];
  for (const [label, collection, filter, sort, limit] of lookups) {
    const explained = await db.command({ explain: { find: collection, filter, ...(sort ? { sort } : {}), ...(limit ? { limit } : {}) } });
    summaries.push({ label, plan: summarise(explained, sort !== undefined) });
  }
  return summaries;
}

function summarise(explained: Document, sorted: boolean): string {
  const text = JSON.stringify(explained);
  const scans = ['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'COLLSCAN', 'IXSCAN', 'IDHACK', 'EXPRESS_IXSCAN']
    .filter((scan) => text.includes(`"${scan}"`));
  const parts = [scans.length > 0 ? scans.join(' + ') : 'plan not recognised'];
  // A parallel plan or JIT compilation turns a 0.3 ms lookup into tens or hundreds of ms (README, "The cliff at 100,000 cases").
  if (text.includes('"Gather"') || text.includes('"Parallel Aware":true')) parts.push('PARALLEL workers started per lookup');
  if (text.includes('"JIT"')) parts.push('JIT-compiled');
  if (typeof explained.filterPushdown === 'boolean') {
    parts.push(explained.filterPushdown ? 'top-level equalities filtered in PostgreSQL, the rest in FerretDB' : 'filtered in FerretDB');
  }
  if (sorted && explained.sortPushdown === false) parts.push('every match sent to FerretDB to sort and limit');
  return parts.join('; ');
}
