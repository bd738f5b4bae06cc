import assert from 'node:assert/strict';
import { NIC } from './support/data';
import { caseAt } from './support/driver';
import { ada, carl, dana } from './support/people';

describe('access', () => {
  it('lists what remains and refuses to arrange access until nothing does', () => {
    const d = caseAt('arrangingAccess');
    const early = d.attempt(dana, { type: 'arrangeAccess' });
    assert.equal(early.outcome === 'refused' && early.reason,
      'Access cannot be arranged yet: the service agreement is not signed; no due date is set for the cohort file.');
    d.do(carl, { type: 'signServiceAgreement', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: 'e'.repeat(64) });
    const again = d.attempt(carl, { type: 'signServiceAgreement', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: 'e'.repeat(64) });
    assert.equal(again.outcome === 'refused' && again.code, 'conflict');
    d.do(dana, { type: 'cohortFileDue', dueDate: '2026-06-12' });
    assert.equal(d.case.clock?.state, 'paused', 'only the applicant’s cohort file remains');
    assert.equal(d.case.nextAction?.description, 'Before access: send the cohort file by 12 June 2026');
    d.do(ada, { type: 'receiveCohortFile', fileName: `${NIC}.csv`, rows: 5, contentHash: 'f'.repeat(64), failingRows: 0 });
    assert.equal(d.case.facts.access?.cohortFile.files[0]?.firstFile, true);
    assert.equal(d.case.nextAction?.description, 'Arrange access to the data');
    d.do(dana, { type: 'arrangeAccess' });
    assert.equal(d.case.status, 'accessArranged');
  });

  it('holds the cohort file to the time the DSA sets, and refuses a failing file', () => {
    const d = caseAt('arrangingAccess');
    // Signed Monday 1 June 2026; the DSA allows 20 working days: by 29 June.
    const late = d.attempt(dana, { type: 'cohortFileDue', dueDate: '2026-06-30' });
    assert.equal(late.outcome === 'refused' && late.reason, 'The DSA sets the cohort file due within 20 working days of signature: by 29 June 2026 at the latest.');
    const past = d.attempt(dana, { type: 'cohortFileDue', dueDate: '2026-05-29' });
    assert.match(past.outcome === 'refused' ? past.reason : '', /is in the past/);
    d.do(dana, { type: 'cohortFileDue', dueDate: '2026-06-29' });
    const failing = d.attempt(ada, { type: 'receiveCohortFile', fileName: 'cohort.csv', rows: 1_000_001, contentHash: 'f'.repeat(64), failingRows: 12 });
    assert.equal(failing.outcome === 'refused' && failing.reason,
      `The cohort file cannot be accepted: the file name must start with the NIC number, ${NIC}; it has 1,000,001 rows, more than the 1,000,000 allowed; 12 rows failed the checks. Fix it and send it again.`);
  });
});
