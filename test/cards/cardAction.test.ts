import assert from 'node:assert/strict';
import { readCardAction } from '../../cards/cardAction';

/** A click read the same way whether Teams sent an Action.Execute invoke or the Action.Submit fallback. */
describe('reading a card action', () => {
  it('reads an Action.Execute invoke, inputs merged into its data', () => {
    const read = readCardAction({ action: { type: 'Action.Execute', verb: 'enquiry.decline', data: { caseId: 'DARS-2026-00042', version: 7, reason: 'Open data.' } }, trigger: 'manual' });
    assert.deepEqual(read, { ok: true, action: { kind: 'decision', verb: 'enquiry.decline', caseId: 'DARS-2026-00042', version: 7, data: { caseId: 'DARS-2026-00042', version: 7, reason: 'Open data.' } } });
  });

  it('reads the Action.Submit fallback the same way', () => {
    const read = readCardAction({ verb: 'enquiry.decline', caseId: 'DARS-2026-00042', version: '7', reason: 'Open data.' });
    assert.ok(read.ok && read.action.kind === 'decision');
    assert.equal(read.action.version, 7);
    assert.equal(read.action.data.verb, undefined);
  });

  it('reads a refresh, with the review or party the card is for', () => {
    assert.deepEqual(readCardAction({ action: { type: 'Action.Execute', verb: 'card.refresh', data: { caseId: 'DARS-2026-00042', card: 'review', review: 'pag' } }, trigger: 'automatic' }), {
      ok: true, action: { kind: 'refresh', caseId: 'DARS-2026-00042', card: 'review', review: 'pag' },
    });
    assert.equal(readCardAction({ action: { verb: 'card.refresh', data: { caseId: 'DARS-2026-00042', card: 'nonsense' } } }).ok, false);
  });

  it('refuses a click that does not say which case and version it shows', () => {
    const read = readCardAction({ action: { verb: 'enquiry.accept', data: { caseId: 'DARS-2026-00042' } } });
    assert.ok(!read.ok);
    assert.match(read.problem, /which case and version/);
    assert.equal(readCardAction('hello').ok, false);
  });

  it('refuses a verb that is not in the verb table (a button DARS Bot never drew), before any case is loaded', () => {
    const read = readCardAction({ action: { verb: 'enquiry.teleport', data: { caseId: 'DARS-2026-00042', version: 3 } } });
    assert.ok(!read.ok);
    assert.match(read.problem, /not a DARS Bot card action/);
  });
});
