import assert from 'node:assert/strict';

import { dsaContentOf, DsaNotReady } from '../../services/domain/dsa/dsaContent';
import { renderDsaDocument, sha256Of } from '../../services/domain/dsa/dsaDocument';
import { currentDsaDocument, DsaDocumentStore } from '../../services/storage/dsa/dsaDocumentStore';
import { legalBasisLines } from '../../services/domain/dsa/dsaWording';
import { foldCase } from '../../services/domain/workflow';
import { freshDatabase } from '../support/testDatabase';
import { dsaTerms, NIC, REFERENCE } from '../workflow/support/data';
import { caseAt } from '../workflow/support/driver';
import { dana } from '../workflow/support/people';
import { pdfText } from './pdfText';

/**
 * The DSA document, rendered from a case driven through the real workflow to approval (GP data,
 * a novel use: assurance, AGD with a condition, and PAG).
 */
describe('The Data Sharing Agreement document', () => {
  const approved = () => caseAt('dsaToGenerate');

  it('is byte-for-byte the same for the same case, including a case rebuilt from its history', async () => {
    const state = approved().case;
    const first = await renderDsaDocument(state, { terms: dsaTerms });
    const second = await renderDsaDocument(state, { terms: dsaTerms });
    const rebuilt = await renderDsaDocument(foldCase(state.history)!, { terms: dsaTerms });

    assert.ok(first.pdf.equals(second.pdf));
    assert.ok(first.pdf.equals(rebuilt.pdf));
    assert.equal(first.sha256, sha256Of(first.pdf));
    assert.match(first.sha256, /^[0-9a-f]{64}$/);
    assert.equal(first.fileName, `${NIC}-DSA-v1.pdf`);
  });

  it('dates the PDF at the approval, not at rendering', async () => {
    const state = approved().case;
    const { pdf } = await renderDsaDocument(state, { terms: dsaTerms });
    const approvedAt = new Date(state.facts.approval!.at);
    const stamp = `D:${approvedAt.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
    // pdfkit writes CreationDate and ModDate as indirect string objects: the only dates in the file.
    const dates = [...pdf.toString('latin1').matchAll(/\(D:(\d{14})Z\)/g)].map((match) => `D:${match[1]}Z`);
    assert.deepEqual(dates, [stamp, stamp]);
  });

  it('says what a signatory signs: parties, NIC, data, purpose, security, legal basis, access, conditions, term and signature blocks', async () => {
    const text = pdfText((await renderDsaDocument(approved().case, { terms: dsaTerms })).pdf);
    const facts = [
      'Data Sharing Agreement', `${NIC} · Version 1 · Case ${REFERENCE}`,
      'NHS England (the data provider)', 'University of Leeds (data controller)', 'ICO registration number: Z5764840',
      'Level: Pseudonymised (record level)', 'Years: 2015/16 to 2023/24', 'Filters: Procedure codes W37–W39',
      'Hospital Episode Statistics Admitted Patient Care (HES-APC)', '(GDPPR) - includes GP data', 'Admission date',
      'Aim: Measure emergency readmission within 30 days of elective hip replacement.',
      'Data Security and Protection Toolkit: organisation code EE133863, Standards Met',
      'UK GDPR Article 6: 6(1)(e) public task', 'UK GDPR Article 9: 9(2)(j) research',
      'Common law duty of confidentiality: Not applicable: the data is not identifiable.',
      'Ethical approval: Leeds East REC, 24/YH/0001', 'National data opt-out: Applied',
      'Access service: NHS England Secure Data Environment',
      '1. Publish the results openly. (from the Advisory Group for Data)',
      'Start date: 1 September 2026', 'End date: 31 August 2029', 'due within 20 working days',
      'For and on behalf of NHS England', 'For and on behalf of University of Leeds (data controller)', 'Carl Controller',
      'SHA-256',
    ];
    for (const fact of facts) assert.ok(text.includes(fact), `the DSA says “${fact}”`);
  });

  it('words s251 support with its CAG reference', () => {
    const content = dsaContentOf(approved().case, { terms: dsaTerms });
    const lines = legalBasisLines({ ...content, legalBasis: { ...content.legalBasis, commonLawDuty: 's251', cagReference: '21/CAG/0123' } });
    assert.deepEqual(lines.find(([label]) => label.startsWith('Common law')), ['Common law duty of confidentiality', 'Support under section 251 of the NHS Act 2006 (Health Service (Control of Patient Information) Regulations 2002).']);
    assert.deepEqual(lines.find(([label]) => label.includes('CAG')), ['Confidentiality Advisory Group (CAG) reference', '21/CAG/0123']);
  });

  it('renders the generated version again to the hash the case recorded; a regenerated DSA is version 2 with another hash', async () => {
    const driver = approved();
    const v1 = await renderDsaDocument(driver.case, { terms: dsaTerms });
    driver.do(dana, { type: 'generateDsa', contentHash: v1.sha256, documentName: v1.fileName, terms: dsaTerms });
    driver.do(dana, { type: 'sendDsa' });

    const again = await renderDsaDocument(driver.case);
    assert.equal(again.sha256, v1.sha256, 'the current version renders to its recorded hash');

    const v2 = await renderDsaDocument(driver.case, { terms: { ...dsaTerms, end: '2029-06-30' } });
    assert.equal(v2.dsaVersion, 2);
    assert.equal(v2.fileName, `${NIC}-DSA-v2.pdf`);
    assert.notEqual(v2.sha256, v1.sha256);
    assert.ok(pdfText(v2.pdf).includes('End date: 30 June 2029'));
  });

  it('keeps the generated bytes, and serves only bytes that match the recorded hash', async () => {
    const { db } = freshDatabase('dsadocuments');
    const store = new DsaDocumentStore(db);
    const driver = approved();
    const v1 = await renderDsaDocument(driver.case, { terms: dsaTerms });
    await store.save('case-1', v1);
    await store.save('case-1', v1); // the same document twice is one document
    driver.do(dana, { type: 'generateDsa', contentHash: v1.sha256, documentName: v1.fileName, terms: dsaTerms });

    const loaded = await currentDsaDocument(store, 'case-1', driver.case);
    assert.ok(loaded.pdf.equals(v1.pdf));
    assert.equal(loaded.fileName, v1.fileName);
    assert.equal(await db.collection('dsaDocuments').countDocuments(), 1);
  });

  it('is refused before approval', () => {
    assert.throws(() => dsaContentOf(caseAt('awaitingApproval').case, { terms: dsaTerms }), DsaNotReady);
  });
});
