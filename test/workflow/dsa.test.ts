import assert from 'node:assert/strict';
import type { CaseCommand } from '../../services/domain/workflow';
import { generateDsa, HASH_A, HASH_B } from './support/data';
import { noticesOf } from '../../bot/notices/decisionNotices';
import { caseAt } from './support/driver';
import { carl, dana, nina } from './support/people';

const sign = (party: 'nhse' | 'dataController', documentHash: string): CaseCommand =>
  ({ type: 'signDsa', party, typedName: party === 'nhse' ? 'Nina Signatory' : 'Carl Controller', authorityConfirmed: true, documentHash });

describe('the Data Sharing Agreement', () => {
  it('regenerating it makes earlier signatures lapse, and they must sign again', () => {
    const d = caseAt('awaitingSignatures');
    d.do(carl, sign('dataController', HASH_A));
    assert.equal(d.case.facts.dsa?.signatures.length, 1);

    const regenerated = d.do(dana, generateDsa(HASH_B));
    assert.deepEqual(regenerated.events.map((event) => event.type).slice(0, 2), ['dsaSignaturesLapsed', 'dsaGenerated']);
    assert.ok(regenerated.effects.some((effect) => effect.kind === 'withdrawSignatureRequests' && effect.documentHash === HASH_A && effect.dsaVersion === 1));
    const lapsed = regenerated.events[0]!;
    assert.ok(noticesOf(lapsed, { before: undefined, after: d.case }).some((notice) => typeof notice.to === 'object' && 'personId' in notice.to && notice.to.personId === carl.id), 'Carl is told his signature lapsed');
    const dsa = d.case.facts.dsa;
    assert.deepEqual([dsa?.dsaVersion, dsa?.contentHash, dsa?.signatures.length], [2, HASH_B, 0]);
    assert.deepEqual(dsa?.lapsedSignatures.map((signature) => [signature.party, signature.dsaVersion, signature.documentHash]), [['dataController', 1, HASH_A]]);
    assert.equal(d.case.status, 'dsaGenerated', 'the new version must be sent again');

    d.do(dana, { type: 'sendDsa' });
    d.do(nina, sign('nhse', HASH_B));
    assert.equal(d.case.stage, 'dsa', 'the lapsed signature does not count');
    d.do(carl, sign('dataController', HASH_B));
    assert.equal(d.case.stage, 'access');
    assert.equal(d.case.facts.dsa?.executed?.by.id, carl.id);
  });

  it('refuses a signature on a document other than the current one', () => {
    const d = caseAt('awaitingSignatures');
    d.do(dana, generateDsa(HASH_B));
    d.do(dana, { type: 'sendDsa' });
    const stale = d.attempt(nina, sign('nhse', HASH_A));
    assert.equal(stale.outcome, 'refused');
    assert.equal(stale.outcome === 'refused' && stale.code, 'conflict');
    assert.equal(stale.outcome === 'refused' && stale.reason, 'The DSA you were shown is not the current one: version 2 replaced it on 1 June 2026. Open the current DSA and sign that.');
    assert.equal(d.case.facts.dsa?.signatures.length, 0);
  });

  it('a party signs once; the wrong signatory cannot sign for the other party', () => {
    const d = caseAt('awaitingSignatures');
    d.do(nina, sign('nhse', HASH_A));
    const twice = d.attempt(nina, sign('nhse', HASH_A));
    assert.match(twice.outcome === 'refused' ? twice.reason : '', /already signed DSA version 1 \(Nina NHSE Signatory\)/);
    const impostor = d.attempt(nina, sign('dataController', HASH_A));
    assert.equal(impostor.outcome === 'refused' && impostor.code, 'forbidden');
    assert.match(impostor.outcome === 'refused' ? impostor.reason : '', /^Only the data controller signatory can sign the DSA for the data controller/);
  });

  it('a signature needs the confirmation of authority', () => {
    const d = caseAt('awaitingSignatures');
    const unconfirmed = d.attempt(nina, { type: 'signDsa', party: 'nhse', typedName: 'Nina', authorityConfirmed: false, documentHash: HASH_A } as unknown as CaseCommand);
    assert.equal(unconfirmed.outcome === 'refused' && unconfirmed.code, 'invalid');
    assert.match(unconfirmed.outcome === 'refused' ? unconfirmed.reason : '', /authorityConfirmed: confirm that you are authorised to sign/);
  });

  it('a declined DSA goes back to DARS, who can send it again or regenerate it', () => {
    const d = caseAt('dsaDeclined');
    assert.equal(d.case.facts.dsa?.declines[0]?.reason, 'Clause 4 names the wrong department.');
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'person', id: dana.id, name: dana.name }]);
    const resent = d.do(dana, { type: 'sendDsa' });
    assert.equal(resent.effects.filter((effect) => effect.kind === 'requestSignature').length, 2);
    assert.equal(d.case.status, 'awaitingSignatures');
  });

  it('refuses to regenerate the same document, and terms that break the rules', () => {
    const d = caseAt('dsaGenerated');
    const same = d.attempt(dana, generateDsa(HASH_A));
    assert.equal(same.outcome === 'refused' && same.code, 'conflict');
    const tooLong = d.attempt(dana, { type: 'generateDsa', contentHash: HASH_B, documentName: 'DSA.docx', terms: { start: '2026-09-01', end: '2030-09-01', use: 'other', cohortFileWithinWorkingDays: 20 } });
    assert.equal(tooLong.outcome === 'refused' && tooLong.code, 'invalid');
    assert.match(tooLong.outcome === 'refused' ? tooLong.reason : '', /at most 3 years: it must end on or before 31 August 2029/);
    const noCohortTime = d.attempt(dana, { type: 'generateDsa', contentHash: HASH_B, documentName: 'DSA.docx', terms: { start: '2026-09-01', end: '2027-08-31', use: 'other' } });
    assert.match(noCohortTime.outcome === 'refused' ? noCohortTime.reason : '', /must say within how many working days of signature it is due/);
  });
});
