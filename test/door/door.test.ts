import assert from 'node:assert/strict';

import { cardProblems } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { DatabaseProxy } from '../support/databaseProxy';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { OpenIdStandIn } from '../support/openIdStandIn';
import { personalConversation, teamsActivity, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';

/**
 * The HTTP door (/api/messages) as an outsider finds it: malformed requests get 400 with a short
 * reason, invokes the bot does not handle the Universal Action Model's "not supported" error, a
 * card click it cannot read a friendly card; in production mode any request whose token cannot
 * be validated gets 401, even when the signing keys cannot be fetched. Never a 5xx, and never
 * internal text (exception names, stack traces, library messages) in a response.
 */

interface Answer {
  status: number;
  text: string;
  body: Record<string, unknown>;
}

async function post(bot: TestBot, body: string | undefined, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // not JSON: checked below by the caller
  }
  return { status: response.status, text, body: parsed };
}

/** Exception names (TypeError, AuthenticationError…), stack frames and library words. */
const exceptionName = /\b[A-Z]\w*Error\b/;
const internals = /stack|node_modules|\bat \S+ \(|cannot read|undefined|botbuilder|jwt|openid|econn|fetch/i;

function assertNothingInternal(answer: Answer, what: string) {
  assert.ok(answer.status < 500, `${what}: answered ${answer.status}, not a 5xx`);
  assert.doesNotMatch(answer.text, exceptionName, `${what}: no exception in "${answer.text}"`);
  assert.doesNotMatch(answer.text, internals, `${what}: no internal text in "${answer.text}"`);
}

describe('The door: malformed requests and invokes (local mode)', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  const person = teamsUser('Dora Door');
  const activity = (fields: Record<string, unknown>) => teamsActivity(person, connector.url, personalConversation(person), fields);

  before(async () => {
    connector = await ConnectorStandIn.start();
    bot = await startTestBot({ databaseName: freshDatabase('door').name, env: { TEAMS_SERVICE_URL: connector.url } });
  });

  after(async () => {
    await bot.stop();
    await connector.close();
  });

  const malformed: [string, string | undefined, RegExp][] = [
    ['an empty body', undefined, /no body/],
    ['a body that is not JSON', '{"type": "message", ', /not JSON/],
    ['JSON that is not an object', '[1, 2, 3]', /not an activity/],
    ['an activity without a type', 'missing-type', /no type/],
    ['an activity without a conversation', 'missing-conversation', /no conversation/],
  ];

  for (const [what, raw, reason] of malformed) {
    it(`${what}: 400 with a short reason`, async () => {
      const body =
        raw === 'missing-type' ? JSON.stringify({ ...activity({ text: 'hi' }), type: undefined })
        : raw === 'missing-conversation' ? JSON.stringify({ ...activity({ type: 'message', text: 'hi' }), conversation: undefined })
        : raw;
      const answer = await post(bot, body);
      assert.equal(answer.status, 400);
      assert.equal((answer.body.error as { code?: string }).code, 'BadRequest');
      assert.match(String((answer.body.error as { message?: string }).message), reason);
      assertNothingInternal(answer, what);
    });
  }

  it('a card action invoke without an action, or without a value: 400 in the Universal Action error shape', async () => {
    for (const value of [{ trigger: 'manual' }, undefined]) {
      const answer = await post(bot, JSON.stringify(activity({ type: 'invoke', name: 'adaptiveCard/action', value })));
      assert.equal(answer.status, 400);
      assert.equal(answer.body.type, 'application/vnd.microsoft.error');
      assert.equal((answer.body.value as { code?: string }).code, 'BadRequest');
      assertNothingInternal(answer, `card action with value ${JSON.stringify(value)}`);
    }
  });

  it('invokes the bot does not handle (task modules, message extensions, sign-in, unnamed): "not supported", not 501', async () => {
    for (const name of ['task/fetch', 'task/submit', 'composeExtension/query', 'composeExtension/fetchTask', 'signin/verifyState', 'config/fetch', 'tab/fetch', undefined]) {
      const answer = await post(bot, JSON.stringify(activity({ type: 'invoke', name, value: { data: {} } })));
      assert.equal(answer.status, 400, `${name}: 400`);
      assert.equal(answer.body.type, 'application/vnd.microsoft.error');
      assert.equal((answer.body.value as { code?: string }).code, 'NotSupported', `${name}: NotSupported`);
      assertNothingInternal(answer, `invoke ${name}`);
    }
  });

  it('a card action that is not Action.Execute: "not supported"', async () => {
    const answer = await post(bot, JSON.stringify(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit', verb: 'x' } } })));
    assert.equal(answer.status, 400);
    assert.equal((answer.body.value as { code?: string }).code, 'NotSupported');
    assertNothingInternal(answer, 'Action.Submit in an invoke');
  });

  it('a card click of the wrong shape (unknown verb, no case, a bad case reference): a friendly card, nothing changed', async () => {
    const clicks = [
      { verb: 'launchMissiles', data: {} },
      { verb: 'enquiry.accept', data: { version: 1 } },
      { verb: 'enquiry.accept', data: { caseId: '../../etc/passwd', version: 'one' } },
      { verb: 'refresh', data: { caseId: 'DARS-2026-00001' } },
      { verb: '', data: {} },
    ];
    for (const click of clicks) {
      const answer = await post(bot, JSON.stringify(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', ...click }, trigger: 'manual' } })));
      assert.equal(answer.status, 200, `${JSON.stringify(click)}: 200`);
      assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
      const card = answer.body.value as Record<string, unknown>;
      assert.deepEqual(cardProblems(card), []);
      assert.match(JSON.stringify(card), /could not read that button, so nothing was changed/);
      assertNothingInternal(answer, `click ${JSON.stringify(click)}`);
    }
  });

  it('after all that, the bot still answers a person normally', async () => {
    const answer = await post(bot, JSON.stringify(activity({ type: 'message', text: 'help' })));
    assert.equal(answer.status, 200);
    const replies = connector.sent(`a:personal-${person.aadObjectId}`).filter((sent) => sent.type === 'message');
    assert.match(String(replies.at(-1)?.text), /DARS Bot/);
  });
});

describe('The door in production mode: a token that cannot be validated gets 401', () => {
  const appId = '5f0c1b9e-7d2a-4a8e-9b1c-0d3e4f5a6b7c';
  let connector: ConnectorStandIn;
  let keys: OpenIdStandIn;
  let bot: TestBot;
  const person = teamsUser('Mallory Forger');
  const message = () => JSON.stringify(teamsActivity(person, connector.url, personalConversation(person), { type: 'message', text: 'status' }));

  before(async () => {
    connector = await ConnectorStandIn.start();
    keys = await OpenIdStandIn.start();
    bot = await startTestBot({
      databaseName: freshDatabase('doorAuth').name,
      env: {
        TEAMS_SERVICE_URL: connector.url,
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        BOT_OPENID_METADATA_URL: keys.metadataUrl,
        DOCUMENT_LINK_SECRET: 'door-test-document-link-secret-0123456789',
        PUBLIC_BASE_URL: 'https://dars-bot.example.nhs.uk',
      },
    });
  });

  after(async () => {
    await bot.stop();
    await Promise.all([keys.close(), connector.close()]);
  });

  function assertRefused(answer: Answer, what: string) {
    assert.equal(answer.status, 401, `${what}: 401`);
    assert.deepEqual(answer.body, { error: { code: 'Unauthorized', message: 'The request could not be authenticated.' } }, what);
    assertNothingInternal(answer, what);
  }

  // First, while the bot has never fetched the keys (it caches them once it has).
  it('a forged token while the signing keys cannot be fetched: 401, and the reason is logged, not returned', async () => {
    keys.mode = 'failing';
    const before = keys.requests;
    const loggedBefore = bot.logs.length;
    assertRefused(await post(bot, message(), { authorization: `Bearer ${keys.forgedToken(appId, connector.url)}` }), 'keys unavailable');
    assert.ok(keys.requests > before, 'the bot tried to fetch the signing keys');
    const logged = bot.logs.slice(loggedBefore).find((line) => line.msg === 'request refused: its token could not be validated');
    assert.ok(logged, 'the refusal is logged');
    assert.match(String(logged.reason), /openID config|500/i, 'with the reason');
  });

  it('no token, a token that is not a JWT, or one signed with alg "none": 401', async () => {
    keys.mode = 'keys';
    assertRefused(await post(bot, message()), 'no Authorization header');
    assertRefused(await post(bot, message(), { authorization: 'Bearer not-a-token' }), 'not a JWT');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: appId })).toString('base64url')}.`;
    assertRefused(await post(bot, message(), { authorization: `Bearer ${none}` }), 'alg none');
  });

  it('a forged token signed with a key that is not published: 401', async () => {
    keys.mode = 'keys';
    assertRefused(await post(bot, message(), { authorization: `Bearer ${keys.forgedToken(appId, connector.url)}` }), 'unpublished key');
  });

  it('a malformed body with a forged token is refused for the token, before the body is looked at', async () => {
    assertRefused(await post(bot, '{not json', { authorization: `Bearer ${keys.forgedToken(appId, connector.url)}` }), 'malformed body, forged token');
    assertRefused(await post(bot, undefined), 'empty body, no token');
  });

  it('nothing reached the person: no turn ran for a refused request', () => {
    assert.deepEqual(connector.sent(), []);
  });
});

describe('The door when the bot itself fails: the database stops answering', () => {
  it('a message gets an apology in chat and a click a short message, both HTTP 200 with nothing internal', async function () {
    this.timeout(120_000);
    // The bot reaches the database through a relay this test can cut; it gives up on a gone
    // server after a second rather than the production ten.
    const server = await DatabaseProxy.start();
    const connector = await ConnectorStandIn.start();
    const bot = await startTestBot({ databaseName: freshDatabase('doorDown').name, env: { MONGODB_URI: server.uri(1000), TEAMS_SERVICE_URL: connector.url } });
    try {
      const person = teamsUser('Una Lucky');
      const activity = (fields: Record<string, unknown>) => JSON.stringify(teamsActivity(person, connector.url, personalConversation(person), fields));
      await server.stop();

      const said = await post(bot, activity({ type: 'message', text: 'status' }));
      assert.equal(said.status, 200);
      assertNothingInternal(said, 'a message with the database down');
      const apology = connector.sent(`a:personal-${person.aadObjectId}`).filter((sent) => sent.type === 'message').at(-1);
      assert.match(String(apology?.text), /something went wrong on our side and your last message was not saved/);

      const clicked = await post(bot, activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'enquiry.accept', data: { caseId: 'DARS-2026-00001', version: 1 } } } }));
      assert.equal(clicked.status, 200);
      assert.equal(clicked.body.type, 'application/vnd.microsoft.activity.message');
      assert.match(String(clicked.body.value), /something went wrong on our side/);
      assertNothingInternal(clicked, 'a click with the database down');
    } finally {
      await bot.stop();
      await connector.close();
      await server.stop();
    }
  });
});

