import assert from 'node:assert/strict';

import { PostedCards } from '../../bot/cardActions/postedCards';
import { freshDatabase } from '../support/testDatabase';

/**
 * A card's posted record is its delivery receipt: a retried outbox entry that already sent the
 * card there must not send it again, while a later entry that sends the same card again must
 * (and becomes the one later changes update).
 */
describe('posted cards as the receipts of the entries that sent them', () => {
  it('knows which entries sent a card, and keeps the newest place to update', async () => {
    const { db } = freshDatabase('postedReceipts');
    const posted = new PostedCards(db);
    await posted.ensureIndexes();
    const first = { conversationId: '19:triage@thread.tacv2', activityId: 'act-1', serviceUrl: 'https://smba.example/' };
    const again = { ...first, activityId: 'act-2' };

    assert.equal(await posted.sentBy('entry-a', 'DARS-2026-00001', 'enquiryReview'), false, 'nothing sent yet');
    await posted.remember('DARS-2026-00001', 'enquiryReview', first, 'entry-a');
    assert.equal(await posted.sentBy('entry-a', 'DARS-2026-00001', 'enquiryReview'), true, 'a retry of the entry that sent it skips it');
    assert.equal(await posted.sentBy('entry-b', 'DARS-2026-00001', 'enquiryReview'), false, 'another entry sends it');
    assert.equal(await posted.sentBy('entry-a', 'DARS-2026-00001', 'enquiryReview', 'person-1'), false, 'a 1:1 copy is another place');

    await posted.remember('DARS-2026-00001', 'enquiryReview', again, 'entry-b');
    assert.equal(await posted.sentBy('entry-a', 'DARS-2026-00001', 'enquiryReview'), true, 'the first entry still counts as sent');
    assert.equal(await posted.sentBy('entry-b', 'DARS-2026-00001', 'enquiryReview'), true);
    const [where] = await posted.forCase('DARS-2026-00001');
    assert.equal(where?.activityId, 'act-2', 'the newest post is the one to update');
    assert.equal((await posted.byActivity('act-2'))?.card, 'enquiryReview');
  });
});
