import assert from 'node:assert/strict';

import { renderDsaDocument, sha256Of } from '../../services/domain/dsa/dsaDocument';
import { renderSignedRecord } from '../../services/domain/dsa/signedRecords';
import { serviceAgreementDocument } from '../../services/domain/access/serviceAgreement';
import { dsaTerms, NIC } from '../workflow/support/data';
import { caseAt, CaseDriver } from '../workflow/support/driver';
import { carl, dana, nina } from '../workflow/support/people';
import { pdfText } from './pdfText';

/** The signed documents of record: the agreement as signed, with a signature page that says who signed what, when, with what authority. */
describe('The signed documents of record', () => {
  const signedCase = async (): Promise<{ d: CaseDriver; hash: string }> => {
    const d = new CaseDriver(caseAt('dsaToGenerate').case);
    const rendered = await renderDsaDocument(d.case, { terms: dsaTerms });
    d.do(dana, { type: 'generateDsa', contentHash: rendered.sha256, documentName: rendered.fileName, terms: dsaTerms });
    d.do(dana, { type: 'sendDsa' });
    return { d, hash: rendered.sha256 };
  };

  it('exists only once both parties have signed; then it is the agreement plus a signature page, the same bytes every time', async () => {
    const { d, hash } = await signedCase();
    d.do(nina, { type: 'signDsa', party: 'nhse', typedName: 'Nina Signatory', authorityConfirmed: true, documentHash: hash });
    assert.equal(await renderSignedRecord(d.case, 'dsa'), undefined, 'one signature is not a signed DSA');
    d.do(carl, { type: 'signDsa', party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: hash });

    const record = (await renderSignedRecord(d.case, 'dsa'))!;
    assert.equal(record.signedHash, hash);
    assert.equal(record.fileName, `${NIC}-DSA-v1-signed.pdf`);
    assert.equal(record.sha256, sha256Of(record.pdf));
    assert.equal((await renderSignedRecord(d.case, 'dsa'))!.sha256, record.sha256, 'deterministic');
    const text = pdfText(record.pdf);
    assert.match(text, /Data Sharing Agreement/);
    assert.match(text, /Signature page/);
    assert.match(text, new RegExp(`SHA-256 of the document signed: ${hash}`));
    for (const [typed, person, organisation] of [['Nina Signatory', nina, 'NHS England'], ['Carl Controller', carl, 'University of Leeds']] as const) {
      assert.match(text, new RegExp(`Name as typed: ${typed}`));
      assert.match(text, new RegExp(`Signed by: ${person.name}`));
      assert.match(text, new RegExp(`Authority: Confirmed: authorised to sign for ${organisation}`));
      assert.match(text, new RegExp(`Entra object id: ${person.id}`));
    }
    assert.match(text, /Signed on: \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} \(UK time\)/, 'times in plain English');
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T/, 'no ISO timestamps');
  });

  it('the service agreement’s record once its signatory has signed, naming the SHA-256 of the text signed', async () => {
    const { d, hash } = await signedCase();
    d.do(nina, { type: 'signDsa', party: 'nhse', typedName: 'Nina Signatory', authorityConfirmed: true, documentHash: hash });
    d.do(carl, { type: 'signDsa', party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: hash });
    assert.equal(await renderSignedRecord(d.case, 'serviceAgreement'), undefined);
    d.do(carl, { type: 'signServiceAgreement', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: serviceAgreementDocument.contentHash });
    const record = (await renderSignedRecord(d.case, 'serviceAgreement'))!;
    assert.equal(record.signedHash, serviceAgreementDocument.contentHash);
    const text = pdfText(record.pdf);
    assert.match(text, /Users will not attempt to re-identify any individual/);
    assert.match(text, new RegExp(`SHA-256 of the document signed: ${serviceAgreementDocument.contentHash}`));
    assert.match(text, /Name as typed: Carl Controller/);
  });
});
