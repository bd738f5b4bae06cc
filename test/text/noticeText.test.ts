import assert from 'node:assert/strict';
import { noticeText } from '../../services/domain/text/noticeText';

describe('a notice names its case once', () => {
  const reference = 'DARS-2026-00001';

  it('does not repeat a reference the message starts with', () => {
    assert.equal(noticeText(reference, `${reference}: the applicant answered DARS’s question.`), `${reference}: the applicant answered DARS’s question.`);
  });

  it('leaves a message that names the case in its sentence as it is, and prefixes one that does not', () => {
    assert.equal(noticeText(reference, `Your application ${reference} was submitted.`), `Your application ${reference} was submitted.`);
    assert.equal(noticeText(reference, 'The service agreement is signed.'), `**${reference}**: The service agreement is signed.`);
  });

  it('keeps what follows plain text', () => {
    assert.equal(noticeText(reference, `${reference}: *Ada* [x](https://e.example)`).includes('\\*Ada\\*'), true);
  });
});
