import assert from 'node:assert/strict';
import { enquiryReviewCard } from '../../cards/enquiryReviewCard';
import { clip, clippedMarker } from '../../cards/frame/cardText';
import { cardByteBudget, cardSize } from '../../cards/render';
import { cardProblems } from '../support/adaptiveCardCheck';
import { enquiry, REFERENCE } from '../workflow/support/data';
import { CaseDriver } from '../workflow/support/driver';
import { ada, sam } from '../workflow/support/people';
import { textOf, viewerOf } from './support/cardWalk';
import { at } from './support/longCase';
import { applicationReviewCard } from '../../cards/applicationReviewCard';
import { staffDana } from './support/longCase';
import { fundingConfirmationCard } from '../../cards/fundingConfirmationCard';

/** Applicants' own words on cards: cut to fit, never escaped (TextRuns are literal), never evaluated. */
describe('card text', () => {
  it('cuts long text at a word, within the limit, pointing to the full text', () => {
    const long = 'Hip fracture surgery timing and mortality. '.repeat(100);
    const cut = clip(long, 300);
    assert.ok(cut.length <= 300);
    assert.ok(cut.endsWith(clippedMarker));
    assert.match(cut, /mortality\.… \(full text in the case\)$|fracture… \(full text in the case\)$|\w… \(full text in the case\)$/);
    assert.equal(clip('Short answer.', 300), 'Short answer.');
  });

  it('shows template syntax, markdown and quotes in an answer exactly as written', () => {
    const purpose = 'We will link ${reference} and ${caseId} to "HES" <APC> records & **bold** claims, for at least 30 characters.';
    const d = new CaseDriver();
    d.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: { ...enquiry(), purpose } });
    const card = enquiryReviewCard(d.case, viewerOf(sam, d.case), new Date('2026-06-01T10:00:00Z'));
    assert.deepEqual(cardProblems(card), []);
    const runs = JSON.stringify(card).match(/"type":"TextRun","text":"([^"\\]|\\.)*"/g) ?? [];
    assert.ok(runs.some((run) => run.includes('${reference} and ${caseId}')), 'data is bound, never evaluated as a template');
    assert.ok(textOf(card).includes(purpose), 'nothing is escaped');
  });

  it('neutralises only the Teams date functions, which would otherwise change the text', () => {
    assert.equal(clip('Due {{DATE(2026-06-01T00:00:00Z,SHORT)}}', 100), 'Due {\u200B{DATE(2026-06-01T00:00:00Z,SHORT)}}');
  });

  it('names who will sign each agreement, not as if it were signed already (the assessment is recorded before any DSA exists)', () => {
    const state = at('awaitingFundingConfirmation');
    const text = textOf(fundingConfirmationCard(state, viewerOf(ada, state), new Date('2026-06-02T10:00:00Z')));
    assert.match(text, /\(to be signed by [^)]+\)/);
    assert.doesNotMatch(text, /\(signed by /);
  });

  it('the longest application, with its amendments, still fits in 28 KB with every section shown', () => {
    const state = at('resubmitted');
    const card = applicationReviewCard(state, viewerOf(staffDana, state), new Date('2026-06-03T10:00:00Z'));
    assert.ok(cardSize(card) <= cardByteBudget, `${cardSize(card)} bytes`);
    const text = textOf(card);
    for (const title of ['Objective for processing', 'Processing activities', 'DSA term requested', 'Transparency']) assert.match(text, new RegExp(title));
    assert.match(text, /Changed since version 1/);
    assert.match(text, /\+ We have added a third analyst, named in the annex\./, 'the added line, marked');
    assert.match(text, /full text in the case/, 'long sections are cut, saying so');
    assert.match(text, /DARS asked for version 1:/, 'the comment that prompted the change');
  });
});
