import assert from 'node:assert/strict';

import { sectionNamed } from '../../dialogs/application/sectionForms';
import { routeOf } from '../../dialogs/personalChatRoutes';

/** What the 1:1 chat's root makes of a message, and which section a person named. */
describe('journey: reading requests in the 1:1 chat', () => {
  const table: [string, ReturnType<typeof routeOf>][] = [
    ['new enquiry', { kind: 'enquiry' }],
    ['Status', { kind: 'status' }],
    ['my cases', { kind: 'status' }],
    ['history', { kind: 'history' }],
    ['history DARS-2026-00042', { kind: 'history', reference: 'DARS-2026-00042' }],
    ['help', { kind: 'help' }],
    ['answer', { kind: 'journey', journey: 'answer' }],
    ['confirm funding', { kind: 'journey', journey: 'funding' }],
    ['application', { kind: 'journey', journey: 'application' }],
    ['continue my application', { kind: 'journey', journey: 'application' }],
    ['application legal basis', { kind: 'journey', journey: 'application', rest: 'legal basis' }],
    ['application 7 DARS-2026-00042', { kind: 'journey', journey: 'application', reference: 'DARS-2026-00042', rest: '7' }],
    ['submit application', { kind: 'journey', journey: 'submitApplication' }],
    ['resubmit', { kind: 'journey', journey: 'submitApplication' }],
    ['amend', { kind: 'journey', journey: 'amend' }],
    ['assurance', { kind: 'journey', journey: 'assurance' }],
    ['send cohort file', { kind: 'journey', journey: 'cohortFile' }],
    ['withdraw dars-2026-00042.', { kind: 'journey', journey: 'withdraw', reference: 'DARS-2026-00042' }],
    ['We need data from 2015.', { kind: 'other', text: 'We need data from 2015.' }],
  ];
  for (const [typed, route] of table) {
    it(`"${typed}"`, () => assert.deepEqual(routeOf(typed), route));
  }

  it('names sections by title, alias or number, and only when it is clear which', () => {
    assert.equal(sectionNamed('legal basis'), 'legalBasis');
    assert.equal(sectionNamed('Ethics'), 'ethicalApproval');
    assert.equal(sectionNamed('section 14'), 'dsaTerm');
    assert.equal(sectionNamed('privacy notice'), 'transparency');
    assert.equal(sectionNamed('data controllers and processors'), 'controllersAndProcessors');
    assert.equal(sectionNamed('15'), undefined);
    assert.equal(sectionNamed('flowers'), undefined);
  });
});
