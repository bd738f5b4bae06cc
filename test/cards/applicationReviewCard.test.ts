import assert from 'node:assert/strict';
import { applicationReviewCard } from '../../cards/applicationReviewCard';
import { placeNotice } from '../../cards/frame/noticePlacement';
import type { AdaptiveCard } from '../../cards/render';
import { cardProblems } from '../support/adaptiveCardCheck';
import { ada } from '../workflow/support/people';
import { viewerOf } from './support/cardWalk';
import { at, staffDana } from './support/longCase';

/**
 * The acceptance review reads as a list of sections, each folded, each with its own "Request
 * changes": a reviewer opens what they read and comments only where something must change.
 */
const NOW = new Date('2026-06-03T10:00:00Z');

type Json = Record<string, unknown>;
function find(node: unknown, match: (element: Json) => boolean): Json[] {
  if (Array.isArray(node)) return node.flatMap((child) => find(child, match));
  if (!node || typeof node !== 'object') return [];
  const element = node as Json;
  return [...(match(element) ? [element] : []), ...Object.values(element).flatMap((child) => find(child, match))];
}
const byId = (card: AdaptiveCard, id: string): Json | undefined => find(card, (element) => element.id === id)[0];
const toggles = (card: AdaptiveCard, title: string): string[][] =>
  find(card, (element) => element.type === 'Action.ToggleVisibility' && element.title === title).map((action) => action.targetElements as string[]);

describe('the application review card', () => {
  it('folds each section, and gives each its own “Request changes” that opens its comment box', () => {
    const state = at('underAcceptanceReview');
    const card = applicationReviewCard(state, viewerOf(staffDana, state), NOW);
    assert.deepEqual(cardProblems(card), []);
    const shows = toggles(card, 'Show');
    assert.equal(shows.length, 14, 'one “Show” per section');
    for (const [target] of shows) assert.equal(byId(card, target ?? '')?.isVisible, false, `${target} starts folded`);
    const changes = toggles(card, 'Request changes');
    assert.equal(changes.length, 14);
    for (const [target] of changes) {
      const box = byId(card, target ?? '');
      assert.equal(box?.isVisible, false, `${target} starts hidden`);
      assert.equal(find(box, (element) => element.type === 'Input.Text' && String(element.id).startsWith('comment.')).length, 1, `${target} holds that section's comment`);
    }
  });

  it('opens the sections a resubmission changed, and shows the applicant no comment boxes', () => {
    const state = at('resubmitted');
    const card = applicationReviewCard(state, viewerOf(staffDana, state), NOW);
    const open = toggles(card, 'Show').filter(([target]) => byId(card, target ?? '')?.isVisible !== false);
    assert.ok(open.length >= 1 && open.length < 14, `${open.length} changed sections open`);
    const applicants = applicationReviewCard(state, viewerOf(ada, state), NOW);
    assert.deepEqual(toggles(applicants, 'Request changes'), []);
    assert.equal(find(applicants, (element) => element.type === 'Input.Text').length, 0);
  });

  it('shows a refusal just above the button that caused it, naming that button', () => {
    const state = at('underAcceptanceReview');
    const notice = 'Please check “Request changes”: comment on at least one section.';
    const card = applicationReviewCard(state, viewerOf(staffDana, state), NOW, { notice, noticeFor: 'application.requestAmendments' });
    const body = card.body as unknown[];
    assert.match(JSON.stringify(body.at(-1)), /comment on at least one section/, 'the last thing above “Request amendments”');
    assert.doesNotMatch(JSON.stringify(body[0]), /comment on at least one section/);
    const stale = applicationReviewCard(state, viewerOf(staffDana, state), NOW, { notice: 'This case has moved on.' });
    assert.match(JSON.stringify((stale.body as unknown[])[0]), /moved on/, 'a notice about the whole card stays at the top');
  });

  it('puts a notice for a button inside the body just before the element holding it', () => {
    const button = { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: 'x.go' }] };
    const body = [{ type: 'TextBlock', text: 'header' }, { type: 'Container', items: [{ type: 'TextBlock', text: 'form' }, button] }];
    const notice = { type: 'TextBlock', text: 'notice' };
    assert.deepEqual(placeNotice(body, [], notice, 'x.go'), [body[0], { type: 'Container', items: [{ type: 'TextBlock', text: 'form' }, notice, button] }]);
    assert.deepEqual(placeNotice(body, [], notice, 'y.other'), [notice, ...body], 'a button the card does not show: the top');
  });
});
