import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { signatureLedger } from '../../services/integrations/dsa/signatureLedger';
import { localRoutingDescription, localSignatureRouting } from '../../services/integrations/dsa/signatureRouting';
import { routingResult, type RoutingReport } from '../../services/domain/dsa/signatureSteps';
import { GraphStandIn } from '../support/graphStandIn';
import { carl, nina } from '../workflow/support/people';
import { botAppId, carlInDirectory, catalogAppId, ninaInDirectory, routingFixture } from './routingFixture';

/**
 * DSA signature requests routed through Microsoft Graph (the stand-in) with each step claimed
 * and recorded in the real database: every call in its documented shape with the app's token,
 * every step done once — through throttling, a crash, a second process and a 409.
 */
describe('DSA signature routing', () => {
  let standIn: GraphStandIn;
  beforeEach(async () => {
    standIn = await GraphStandIn.start();
  });
  afterEach(() => standIn.stop());

  const upload = /:\/content$/;
  const statuses = (report: RoutingReport) => report.steps.map((step) => `${step.step}:${step.status}`);

  it('uploads, shares, installs, notifies and sends the card for both signatories, in the documented shapes with the Bearer token', async () => {
    const f = await routingFixture(standIn, 'routing');
    const router = f.router();
    const nhse = await router.route(await f.request('nhse'));
    const controller = await router.route(await f.request('dataController'));

    assert.equal(f.requests.length, 2, 'the workflow asked for both signatures');
    assert.deepEqual(statuses(nhse), ['upload:doneNow', 'share:doneNow', 'install:doneNow', 'notify:doneNow', 'card:doneNow']);
    assert.deepEqual(statuses(controller), ['upload:done', 'share:doneNow', 'install:doneNow', 'notify:doneNow', 'card:doneNow'], 'one upload serves both');
    assert.ok(nhse.complete && controller.complete);

    const [put, ...morePuts] = standIn.graphCalls(upload);
    assert.equal(morePuts.length, 0);
    assert.equal(put!.path, '/v1.0/drives/drive-dsa/root:/DSAs/NIC-123456-AB1C2/NIC-123456-AB1C2-DSA-v1.pdf:/content');
    assert.equal(put!.headers['content-type'], 'application/octet-stream');
    assert.equal(createHash('sha256').update(put!.bodyBytes).digest('hex'), f.state.facts.dsa!.contentHash, 'the uploaded bytes are the document the signatures bind to');
    const itemId = [...standIn.files.values()][0]!.id;

    const invites = standIn.graphCalls(/\/invite$/);
    assert.deepEqual(invites.map((call) => call.path), [`/v1.0/drives/drive-dsa/items/${itemId}/invite`, `/v1.0/drives/drive-dsa/items/${itemId}/invite`]);
    assert.deepEqual(invites.map((call) => call.body), [ninaInDirectory.mail, carlInDirectory.mail].map((email) => ({ recipients: [{ email }], roles: ['read'], requireSignIn: true, sendInvitation: false })));

    const installs = standIn.graphCalls(/\/installedApps$/);
    assert.deepEqual(installs.map((call) => call.path), [`/v1.0/users/${nina.id}/teamwork/installedApps`, `/v1.0/users/${carl.id}/teamwork/installedApps`]);
    for (const call of installs) {
      assert.deepEqual(call.body, {
        'teamsApp@odata.bind': `${standIn.url}/v1.0/appCatalogs/teamsApps/${catalogAppId}`,
        consentedPermissionSet: { resourceSpecificPermissions: [{ permissionValue: 'TeamsActivity.Send.User', permissionType: 'Application' }] },
      });
    }

    const notices = standIn.graphCalls(/sendActivityNotification$/);
    assert.deepEqual(notices.map((call) => call.path), [nina.id, carl.id].map((id) => `/v1.0/users/${id}/teamwork/sendActivityNotification`));
    assert.deepEqual(notices[1]!.body, {
      topic: { source: 'text', value: 'Data Sharing Agreement NIC-123456-AB1C2, version 1', webUrl: `https://teams.microsoft.com/l/chat/0/0?users=28:${botAppId}` },
      activityType: 'dsaSignatureRequested',
      previewText: { content: 'Please sign version 1 of the Data Sharing Agreement for DARS-2026-00042 (NIC-123456-AB1C2). The signature card is in your chat with DARS Bot.' },
      templateParameters: [{ name: 'actor', value: 'Dana Contact' }, { name: 'caseReference', value: 'DARS-2026-00042' }],
    });

    assert.deepEqual(f.cards.map((card) => [card.party, card.userId]), [['nhse', nina.id], ['dataController', carl.id]]);
    assert.ok(f.cards.every((card) => card.documentHash === f.state.facts.dsa!.contentHash && card.documentUrl === nhse.documentUrl));

    for (const call of standIn.graphCalls()) {
      assert.ok(standIn.issuedTokens.includes(call.headers.authorization!.replace(/^Bearer /, '')), `${call.method} ${call.path} carries a token from the token endpoint`);
    }

    // The order for each signatory: shared, installed, notified, then the card.
    const order = standIn.graphCalls().filter((call) => call.path.includes(carl.id) || (call.path.endsWith('/invite') && JSON.stringify(call.body).includes(carlInDirectory.mail)));
    assert.deepEqual(order.map((call) => call.path.split('/').pop()), ['invite', 'installedApps', 'sendActivityNotification']);

    // Running again (a retried outbox entry) does nothing more.
    const stepCalls = /\/(invite|installedApps|sendActivityNotification|content)$/;
    const stepCallsBefore = standIn.graphCalls(stepCalls).length;
    const again = await f.router().route(await f.request('dataController'));
    assert.deepEqual(statuses(again), ['upload:done', 'share:done', 'install:done', 'notify:done', 'card:done']);
    assert.equal(standIn.graphCalls(stepCalls).length, stepCallsBefore);
    assert.equal(f.cards.length, 2);
  });

  it('delays a throttled step (429/503 with Retry-After) without doing any step twice', async () => {
    const f = await routingFixture(standIn, 'throttled');
    standIn.throttle(upload, 1, { status: 429, retryAfterSeconds: 30 });
    const request = await f.request('dataController');

    const first = await f.router().route(request);
    assert.equal(first.complete, false);
    assert.deepEqual(statuses(first), ['upload:failed']);
    assert.equal(first.retryAt?.getTime(), f.clock.getTime() + 30_000, 'Retry-After is honoured');
    const result = routingResult(first, f.clock);
    assert.equal(result.kind === 'retryAt' && result.at.getTime(), f.clock.getTime() + 30_000, 'the road comes back when Graph asked');

    f.advance(10);
    const early = await f.router().route(request);
    assert.deepEqual(statuses(early), ['upload:waiting'], 'not before Retry-After');
    assert.equal(standIn.graphCalls(upload).length, 1);

    standIn.throttle(/\/invite$/, 1, { status: 503, retryAfterSeconds: 45 }); // longer than the client retries in-process
    f.advance(21);
    const second = await f.router().route(request);
    assert.deepEqual(statuses(second), ['upload:doneNow', 'share:failed']);
    assert.equal(second.retryAt?.getTime(), f.clock.getTime() + 45_000);

    f.advance(45);
    const third = await f.router().route(request);
    assert.ok(third.complete);
    assert.deepEqual(statuses(third), ['upload:done', 'share:doneNow', 'install:doneNow', 'notify:doneNow', 'card:doneNow']);

    assert.deepEqual(standIn.graphCalls(upload).map((call) => call.answeredStatus), [429, 201], 'one upload made, after one refused');
    assert.deepEqual(standIn.graphCalls(/\/invite$/).map((call) => call.answeredStatus), [503, 200]);
    assert.equal(standIn.graphCalls(/\/installedApps$/).length, 1);
    assert.equal(standIn.graphCalls(/sendActivityNotification$/).length, 1);
    assert.equal(f.cards.length, 1);
  });

  it('resumes after a crash between upload and sharing without uploading again', async () => {
    const f = await routingFixture(standIn, 'crash');
    const request = await f.request('dataController');
    standIn.hold(/\/invite$/, 1); // the process dies while sharing: the call never returns
    const crashed = f.router().route(request);
    await standIn.whenHeld();

    const restarted = f.router(); // a new process, a new Graph connection
    const whileLeased = await restarted.route(request);
    assert.deepEqual(statuses(whileLeased), ['upload:done', 'share:waiting'], 'the dead process still holds the share step');

    f.advance(121); // its lease runs out
    const resumed = await restarted.route(request);
    assert.ok(resumed.complete);
    assert.deepEqual(statuses(resumed), ['upload:done', 'share:doneNow', 'install:doneNow', 'notify:doneNow', 'card:doneNow']);

    standIn.dropHeld();
    const late = await crashed; // the old process's call finally fails: it does nothing more
    assert.equal(late.complete, false);
    assert.equal(standIn.graphCalls(upload).length, 1, 'uploaded once');
    assert.deepEqual(standIn.graphCalls(/\/invite$/).map((call) => call.answeredStatus), [0, 200]);
    assert.equal(standIn.graphCalls(/\/installedApps$/).length, 1);
    assert.equal(f.cards.length, 1);
  });

  it('does each step once when two bot processes route the same request at the same time', async () => {
    const f = await routingFixture(standIn, 'twoprocesses');
    const request = await f.request('dataController');
    const [a, b] = await Promise.all([f.router().route(request), f.router().route(request)]);
    let report = a.complete ? a : b;
    for (let run = 0; !report.complete && run < 10; run++) {
      f.advance(121);
      report = await f.router().route(request);
    }
    assert.ok(report.complete);
    assert.equal(standIn.graphCalls(upload).length, 1);
    assert.equal(standIn.graphCalls(/\/invite$/).length, 1);
    assert.equal(standIn.graphCalls(/\/installedApps$/).length, 1);
    assert.equal(standIn.graphCalls(/sendActivityNotification$/).length, 1);
    assert.equal(f.cards.length, 1);
  });

  it('takes 409 from the app installation as already installed, and carries on', async () => {
    const f = await routingFixture(standIn, 'installed');
    standIn.installedApps.set(carl.id, new Set([catalogAppId]));
    const report = await f.router().route(await f.request('dataController'));
    assert.ok(report.complete);
    assert.deepEqual(standIn.graphCalls(/\/installedApps$/).map((call) => call.answeredStatus), [409]);
    assert.equal(f.cards.length, 1);
  });

  it('never uploads a document whose bytes do not hash to the DSA the signatures bind to', async () => {
    const f = await routingFixture(standIn, 'mismatch');
    const request = { ...(await f.request('dataController')), documentHash: 'e'.repeat(64) };
    const report = await f.router().route(request);
    assert.deepEqual(statuses(report), ['upload:failed']);
    assert.match(report.steps[0]!.error!, /not uploaded/);
    assert.equal(standIn.graphCalls(upload).length, 0);
  });

  it('without Graph (local mode) goes straight to the signature card, once', async () => {
    const f = await routingFixture(standIn, 'local');
    const cards: string[] = [];
    const local = localSignatureRouting({ ledger: signatureLedger(f.db), sendSignatureCard: async (party, userId) => { cards.push(`${party}:${userId}`); } });
    const request = { ...(await f.request('dataController')) };
    const callsBefore = standIn.graphCalls().length;

    const [first, second] = await Promise.all([local.route(request), local.route(request)]);
    const again = await local.route(request);

    assert.deepEqual(cards, [`dataController:${carl.id}`]);
    assert.ok([first, second].some((report) => report.complete) && again.complete);
    assert.deepEqual(statuses(again), ['card:done']);
    assert.equal(standIn.graphCalls().length, callsBefore, 'no Graph calls');
    assert.equal(local.description, localRoutingDescription);
    assert.match(localRoutingDescription, /straight to each signatory’s 1:1 chat/);
  });
});
