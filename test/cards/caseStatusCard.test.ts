import assert from 'node:assert/strict';
import { caseStatusCard } from '../../cards/caseStatusCard';
import { readableHistory } from '../../cards/events/history';
import { cardProblems } from '../support/adaptiveCardCheck';
import { ada, sam } from '../workflow/support/people';
import { textOf, viewerOf } from './support/cardWalk';
import { at } from './support/longCase';

/** The status card: the timeline in words, the current step, who holds the next action, what is due, and whether it is late. */
describe('the status card', () => {
  it('shows the current step, who holds the next action and when it is due', () => {
    const state = at('inReview');
    const due = state.nextAction?.due;
    assert.ok(due);
    const card = caseStatusCard(state, viewerOf(ada, state), new Date(`${due}T08:00:00Z`));
    assert.deepEqual(cardProblems(card), []);
    const text = textOf(card);
    assert.match(text, /At assurance, with reviews in progress\./);
    assert.match(text, /Next: Complete the open reviews: the assurance review, the Advisory Group for Data \(AGD\) and the Profession Advisory Group \(PAG\)\. Who: assurance reviewers, the Advisory Group for Data \(AGD\) and the Profession Advisory Group \(PAG\)\./);
    assert.match(text, /Due by \d+ \w+ 2026\./);
    assert.match(text, /Enquiry ✓ · Preliminary assessment ✓ · Application ✓ · Assurance ▶ · Approval · Data Sharing Agreement · Access/);
    const header = (card.body as { items: { style?: string }[] }[])[0]?.items[2];
    assert.equal(header?.style, 'emphasis', 'on time');
  });

  it('tells the person holding the next action that it is theirs', () => {
    const state = at('awaitingFundingConfirmation');
    assert.match(textOf(caseStatusCard(state, viewerOf(ada, state), new Date('2026-06-02T10:00:00Z'))), /Next: Confirm the source of funding and the payment details\. Who: you\./);
    assert.match(textOf(caseStatusCard(state, viewerOf(sam, state), new Date('2026-06-02T10:00:00Z'))), /Who: Ada Applicant\./);
    // The reply due is theirs (so a signatory's is not called "the applicant's"); staff read whose it is.
    assert.match(textOf(caseStatusCard(state, viewerOf(ada, state), new Date('2026-06-02T10:00:00Z'))), /Due by \d+ \w+ 2026 \(your reply\)\./);
    assert.match(textOf(caseStatusCard(state, viewerOf(sam, state), new Date('2026-06-02T10:00:00Z'))), /Due by \d+ \w+ 2026 \(the applicant’s reply\)\./);
  });

  it('flags an overdue action, and by how many working days', () => {
    const state = at('inReview');
    const late = caseStatusCard(state, viewerOf(sam, state), new Date('2026-12-01T10:00:00Z'));
    assert.match(textOf(late), /Overdue: due by .+, \d+ working days ago\./);
    const header = (late.body as { items: { style?: string }[] }[])[0]?.items[2];
    assert.equal(header?.style, 'attention');
  });

  it('tells the history from the events, latest last, pointing to earlier entries when there are many', () => {
    const state = at('accessArranged');
    const card = caseStatusCard(state, viewerOf(ada, state), new Date('2026-06-03T10:00:00Z'));
    const text = textOf(card);
    // The applicant's view of the history: their words for it, without staff-only detail.
    const last = readableHistory(state, 'applicant').at(-1);
    assert.ok(last);
    assert.ok(text.includes(last.what), `the latest event, in words: ${last.what}`);
    assert.match(text, /Complete: access has been arranged\./);
    // Staff see every event (the clocks too): more than the card holds, so it points to the rest.
    assert.match(textOf(caseStatusCard(state, viewerOf(sam, state), new Date('2026-06-03T10:00:00Z'))), /\d+ earlier entries are in the case history\./);
    const short = at('enquiryUnderReview');
    assert.match(textOf(caseStatusCard(short, viewerOf(ada, short), new Date('2026-06-01T10:00:00Z'))), /Ada Applicant submitted the enquiry DARS-2026-00042\./);
  });

  it('a closed case says why, and where it stopped', () => {
    const state = at('withdrawn');
    const text = textOf(caseStatusCard(state, viewerOf(ada, state), new Date('2026-06-03T10:00:00Z')));
    assert.match(text, /Closed: withdrawn by the applicant\./);
    assert.match(text, /Reason: Civil registration data on deaths/);
    assert.match(text, /Enquiry ✗ · Preliminary assessment · /);
  });
});
