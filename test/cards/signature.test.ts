import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderCaseCard } from '../../cards/caseCards';
import { dsaSignatureCard } from '../../cards/dsaSignatureCard';
import { serviceAgreementSignatureCard } from '../../cards/serviceAgreementSignatureCard';
import { commandFromCardAction } from '../../cards/verbs';
import { isStaleCard } from '../../services/domain/workflow';
import { cardProblems } from '../support/adaptiveCardCheck';
import { NIC } from '../workflow/support/data';
import { CaseDriver } from '../workflow/support/driver';
import { ada, carl, nina, sam } from '../workflow/support/people';
import { inputIds, textOf, theAction, verbsOn, viewerOf } from './support/cardWalk';
import { at, staffDana } from './support/longCase';

/** The DSA signature card (DOMAIN stage 5): the document's full SHA-256, the organisation, and a signature bound to both. */
const NOW = new Date('2026-06-03T10:00:00Z');
const documentHash = createHash('sha256').update('Data Sharing Agreement NIC-123456-AB1C2, version 3').digest('hex');

function sentWithRealHash(): CaseDriver {
  const d = new CaseDriver(at('resent'));
  d.do(staffDana, { type: 'generateDsa', contentHash: documentHash, documentName: `${NIC} Data Sharing Agreement v3.docx`, terms: { start: '2026-09-01', end: '2029-08-31', use: 'other', cohortFileWithinWorkingDays: 20 } });
  d.do(staffDana, { type: 'sendDsa' });
  return d;
}

describe('the DSA signature card', () => {
  it('shows what is shared and why, the document’s SHA-256 in full, and the signatory’s organisation', () => {
    const state = sentWithRealHash().case;
    const card = dsaSignatureCard(state, viewerOf(carl, state), NOW);
    assert.deepEqual(cardProblems(card), []);
    const text = textOf(card);
    assert.match(text, new RegExp(`\\n${documentHash}\\n`), 'the full 64-character hash, on its own line');
    assert.ok(JSON.stringify(card).includes(`"text":"${documentHash}","fontType":"Monospace"`), 'in a monospace font, so it can be compared');
    assert.match(text, /I am authorised to sign for University of Leeds/);
    assert.match(text, /as the data controller signatory, for University of Leeds/);
    assert.match(text, /What is being shared/);
    assert.match(text, /Hospital Episode Statistics Admitted Patient Care \(HES-APC\)/);
    assert.match(text, /We will study how the timing of hip fracture surgery/, 'why: the objective in the applicant’s words');
    assert.match(text, /1 September 2026 to 31 August 2029/);
    assert.deepEqual(verbsOn(card), ['dsa.sign', 'dsa.decline']);
    assert.deepEqual(inputIds(card), ['typedName', 'authorityConfirmed', 'reason']);
    const nhse = dsaSignatureCard(state, viewerOf(nina, state), NOW);
    assert.match(textOf(nhse), /I am authorised to sign for NHS England/);
    assert.equal(theAction(nhse, 'dsa.sign').data.party, 'nhse');
  });

  it('offers “Open the DSA (PDF)” when the card is rendered with a link for its viewer, and no button without one', () => {
    const state = sentWithRealHash().case;
    const link = { url: 'https://dars-bot.example.nhs.uk/documents/token', title: 'Open the DSA (PDF)' };
    const openUrls = (card: ReturnType<typeof dsaSignatureCard>) => ((card.actions ?? []) as { type: string; title: string; url: string }[]).filter((action) => action.type === 'Action.OpenUrl');
    const withLink = dsaSignatureCard(state, viewerOf(carl, state), NOW, { documentLink: link });
    assert.deepEqual(cardProblems(withLink), []);
    assert.deepEqual(openUrls(withLink).map((action) => [action.title, action.url]), [[link.title, link.url]]);
    assert.deepEqual(verbsOn(withLink), ['dsa.sign', 'dsa.decline'], 'beside the signature buttons');
    assert.deepEqual(openUrls(dsaSignatureCard(state, viewerOf(carl, state), NOW)), []);
  });

  it('the signature binds to the hash the card showed; the other party signing leaves a card current, a regeneration makes it stale', () => {
    const d = sentWithRealHash();
    const inputs = { typedName: 'Carl Controller', authorityConfirmed: 'true' };
    const shownTo = (actor: typeof carl) => theAction(dsaSignatureCard(d.case, viewerOf(actor, d.case), NOW), 'dsa.sign');
    const staleFor = (button: ReturnType<typeof shownTo>, command: Parameters<typeof isStaleCard>[2]) =>
      isStaleCard(d.case, [], command, { version: Number(button.data.version), fingerprint: String(button.data.shown) });
    const carlsCard = shownTo(carl);
    const ninasCard = shownTo(nina);
    const parsed = commandFromCardAction('dsa.sign', { ...carlsCard.data, ...inputs }, { state: d.case });
    assert.ok(parsed.ok && parsed.command.type === 'signDsa');
    assert.equal(parsed.command.documentHash, documentHash);
    d.do(carl, parsed.command);
    assert.equal(d.case.facts.dsa?.signatures.find((s) => s.party === 'dataController')?.documentHash, documentHash);

    const ninaSigns = commandFromCardAction('dsa.sign', { ...ninasCard.data, typedName: 'Nina Signatory', authorityConfirmed: 'true' }, { state: d.case });
    assert.ok(ninaSigns.ok);
    assert.equal(staleFor(ninasCard, ninaSigns.command), false, 'Carl’s signature changes nothing Nina’s card shows her');
    assert.equal(staleFor(carlsCard, parsed.command), true, 'Carl’s own card, clicked again, is stale: it showed him not yet signed');

    d.do(staffDana, { type: 'generateDsa', contentHash: 'f'.repeat(64), documentName: 'v4.docx', terms: { start: '2026-09-01', end: '2029-08-31', use: 'other', cohortFileWithinWorkingDays: 20 } });
    assert.equal(staleFor(ninasCard, ninaSigns.command), true, 'a card showing the superseded document is stale');
    const lapsed = dsaSignatureCard(d.case, viewerOf(carl, d.case), NOW);
    assert.match(textOf(lapsed), /Your signature on version 3 has lapsed/);
    assert.deepEqual(verbsOn(lapsed), [], 'version 4 is not sent yet');
  });

  it('shows each party’s signature, and nothing to press for people who are not signatories', () => {
    const state = at('nhseSigned');
    const staff = renderCaseCard('dsaSignature', state, viewerOf(sam, state), NOW);
    assert.deepEqual(verbsOn(staff), []);
    assert.match(textOf(staff), /Signed by Nina NHSE Signatory \(typed “Nina Signatory”\)/);
    assert.match(textOf(staff), /The data controller signatory \(University of Leeds\): \nAwaiting signature/);
    const applicant = renderCaseCard('dsaSignature', state, viewerOf(ada, state), NOW);
    assert.deepEqual(verbsOn(applicant), []);
  });

  it('the service agreement is signed the same way, bound to the agreement document shown', () => {
    const state = at('arrangingAccess');
    const agreement = { documentName: 'NHS England SDE service agreement v3.pdf', contentHash: createHash('sha256').update('SDE agreement').digest('hex') };
    const card = serviceAgreementSignatureCard(state, viewerOf(carl, state), NOW, { serviceAgreementDocument: agreement });
    assert.deepEqual(cardProblems(card), []);
    assert.match(textOf(card), new RegExp(agreement.contentHash));
    assert.match(textOf(card), /I am authorised to sign for University of Leeds/);
    const parsed = commandFromCardAction('serviceAgreement.sign', { ...theAction(card, 'serviceAgreement.sign').data, typedName: 'Carl Controller', authorityConfirmed: 'true' }, { state, serviceAgreementDocument: agreement });
    assert.ok(parsed.ok && parsed.command.type === 'signServiceAgreement');
    assert.equal(parsed.command.documentHash, agreement.contentHash);
  });
});
