import assert from 'node:assert/strict';
import { decide, parseCommand, type CaseCommand } from '../../services/domain/workflow';
import { enquiry, REFERENCE, START } from './support/data';
import { caseAt } from './support/driver';
import { ada, dana } from './support/people';

const refusalOf = (input: unknown, state = caseAt('drafting').state, actor = ada): string => {
  const decision = decide(state, input as CaseCommand, { actor, activityId: 'x', now: START });
  assert.equal(decision.outcome, 'refused');
  assert.equal(decision.outcome === 'refused' && decision.code, 'invalid');
  return decision.outcome === 'refused' ? decision.reason : '';
};

describe('malformed commands', () => {
  it('names the wrong field and what it needs', () => {
    const shortPurpose = { type: 'submitEnquiry', reference: REFERENCE, enquiry: { ...enquiry(), purpose: 'Research.' } };
    assert.match(refusalOf(shortPurpose, undefined), /^The submitEnquiry command cannot be used as sent — enquiry\.purpose: /);
    assert.match(refusalOf({ type: 'submitEnquiry', reference: 'DARS-42', enquiry: enquiry() }, undefined), /reference: a case reference like DARS-2026-00042/);
    assert.match(refusalOf({ type: 'acceptApplication', nicNumber: 'NIC-1' }, caseAt('underAcceptanceReview').state, dana), /nicNumber: a NIC number like NIC-123456-AB1C2/);
  });

  it('checks application sections against their own schema', () => {
    const commercial = { type: 'saveApplicationSection', section: 'commercialPurpose', content: { commercial: true, details: '' } };
    assert.match(refusalOf(commercial), /content\.details: describe the commercial purpose/);
    const wrongSection = { type: 'saveApplicationSection', section: 'favouriteColour', content: {} };
    assert.match(refusalOf(wrongSection), /section: /);
    const url = { type: 'saveApplicationSection', section: 'transparency', content: { privacyNoticeUrl: 'not a url' } };
    assert.match(refusalOf(url), /content\.privacyNoticeUrl: the privacy notice web address/);
  });

  it('refuses unknown commands and non-objects', () => {
    assert.match(refusalOf({ type: 'frobnicate' }), /“frobnicate” is not a command DARS Bot knows/);
    const parsed = parseCommand('acceptEnquiry');
    assert.equal(parsed.ok, false);
    assert.equal(parsed.ok ? '' : parsed.problem.startsWith('The command cannot be used as sent'), true);
  });

  it('parses a good command and drops fields it does not know', () => {
    const parsed = parseCommand({ type: 'acceptEnquiry', caseId: 'from a card' });
    assert.deepEqual(parsed, { ok: true, command: { type: 'acceptEnquiry' } });
  });

  it('refuses an application with missing sections, naming them', () => {
    const d = caseAt('awaitingDarsContact');
    d.do({ id: 'a0000000-0000-4000-8000-000000000003', name: 'Sam Staff', roles: ['staff'] }, { type: 'allocateDarsContact' });
    const decision = d.attempt(ada, { type: 'submitApplication' });
    assert.equal(decision.outcome === 'refused' && decision.code, 'invalid');
    assert.match(decision.outcome === 'refused' ? decision.reason : '', /^The application cannot be submitted yet\. Complete these sections: Objective for processing, Processing activities, /);
  });

  it('applies the DSA term, s251 and security rules when the application is submitted', () => {
    const d = caseAt('drafting');
    d.do(ada, { type: 'saveApplicationSection', section: 'dsaTerm', content: { start: '2026-05-01', end: '2031-05-01', use: 'academicArchiving' } });
    d.do(ada, { type: 'saveApplicationSection', section: 'dataRequested', content: { ...(d.case.facts.application.sections.dataRequested?.[0]?.content as object), level: 'identifiable' } } as CaseCommand);
    d.do(ada, { type: 'saveApplicationSection', section: 'securityAssurance', content: { dspt: { organisationCode: 'EE133863', status: 'Approaching Standards', publishedOn: '2025-09-01' } } });
    const decision = d.attempt(ada, { type: 'submitApplication' });
    const reason = decision.outcome === 'refused' ? decision.reason : '';
    assert.match(reason, /The DSA cannot start in the past: 1 May 2026 is before today, 1 June 2026\./);
    assert.match(reason, /lasts at most 5 years: it must end on or before 30 April 2031/);
    assert.match(reason, /“Not applicable” is only for data that is not identifiable/);
    assert.match(reason, /the status must be Standards Met or Standards Exceeded/);
  });
});
