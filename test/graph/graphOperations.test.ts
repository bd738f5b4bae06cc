import assert from 'node:assert/strict';

import { sendActivityNotification } from '../../services/integrations/graph/activityFeed';
import { checkMemberGroups, findUserByEmail } from '../../services/integrations/graph/directory';
import { shareReadOnly, uploadToDocumentLibrary } from '../../services/integrations/graph/documentLibrary';
import { createGraphConnection, type GraphConnection } from '../../services/integrations/graph/graphClient';
import { graphRetryAfterSeconds, graphStatus } from '../../services/integrations/graph/graphErrors';
import { installAppForUser } from '../../services/integrations/graph/teamsAppInstallation';
import { GraphStandIn, standInCertificate } from '../support/graphStandIn';

/**
 * Each Graph operation against the stand-in: the documented request shape, the app-only token
 * from the client credentials grant on every call, and throttling as the client handles it.
 */
describe('Microsoft Graph operations', () => {
  let standIn: GraphStandIn;
  let graph: GraphConnection;
  const carl = { id: 'a0000000-0000-4000-8000-000000000010', displayName: 'Carl Controller', userPrincipalName: 'carl@leeds.example.ac.uk', mail: 'carl.controller@leeds.example.ac.uk' };

  beforeEach(async () => {
    standIn = await GraphStandIn.start();
    standIn.addUser(carl);
    graph = createGraphConnection({
      tenantId: standIn.tenantId, clientId: standIn.clientId, clientSecret: standIn.clientSecret,
      graphBaseUrl: standIn.url, authorityHost: standIn.url, trustedCa: standInCertificate,
    });
  });
  afterEach(() => standIn.stop());

  it('gets an app-only token by client credentials, once, and sends it as a Bearer token to the custom host', async () => {
    await checkMemberGroups(graph.client, carl.id, ['g1']);
    await checkMemberGroups(graph.client, carl.id, ['g2']);

    const tokenCalls = standIn.calls.filter((call) => call.path.endsWith('/oauth2/v2.0/token'));
    assert.equal(tokenCalls.length, 1, 'the token is cached');
    assert.equal(tokenCalls[0]!.path, `/${standIn.tenantId}/oauth2/v2.0/token`);
    assert.equal(tokenCalls[0]!.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(tokenCalls[0]!.body, {
      client_id: standIn.clientId, client_secret: standIn.clientSecret, grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default',
    });
    const graphCalls = standIn.graphCalls();
    assert.equal(graphCalls.length, 2);
    for (const call of graphCalls) {
      assert.equal(call.headers.authorization, `Bearer ${standIn.issuedTokens[0]}`);
      assert.equal(call.answeredStatus, 200);
    }
  });

  it('refuses a Graph base URL that is not https, since the client would send no token there', () => {
    assert.throws(() => createGraphConnection({ tenantId: 't', clientId: 'c', clientSecret: 's', graphBaseUrl: 'http://127.0.0.1:1' }), /must be https/);
  });

  it('says why the token was refused, without the secret', async () => {
    const wrong = createGraphConnection({
      tenantId: standIn.tenantId, clientId: standIn.clientId, clientSecret: 'not-the-secret',
      graphBaseUrl: standIn.url, authorityHost: standIn.url, trustedCa: standInCertificate,
    });
    await assert.rejects(checkMemberGroups(wrong.client, carl.id, ['g1']), (error: Error) => {
      assert.match(error.message, /invalid_client/);
      assert.doesNotMatch(error.message, /not-the-secret/);
      return true;
    });
  });

  it('uploads to the document library: PUT …/root:/{folder}/{file}:/content with the bytes', async () => {
    const content = Buffer.from('%PDF-1.3 a DSA');
    const item = await uploadToDocumentLibrary(graph.client, { driveId: 'drive-1', folder: 'DSAs/NIC-123456-AB1C2', fileName: 'NIC-123456-AB1C2-DSA-v1.pdf', content });

    const [call] = standIn.graphCalls();
    assert.equal(call!.method, 'PUT');
    assert.equal(call!.path, '/v1.0/drives/drive-1/root:/DSAs/NIC-123456-AB1C2/NIC-123456-AB1C2-DSA-v1.pdf:/content');
    assert.equal(call!.headers['content-type'], 'application/octet-stream');
    assert.deepEqual(call!.bodyBytes, content);
    assert.equal(call!.answeredStatus, 201);
    assert.match(item.id, /^01/);
    assert.match(item.webUrl, /^https:\/\/.*NIC-123456-AB1C2-DSA-v1\.pdf$/);
  });

  it('shares read-only with one person: POST …/items/{id}/invite, signed in, no Graph email', async () => {
    const item = await uploadToDocumentLibrary(graph.client, { driveId: 'drive-1', folder: 'DSAs/NIC-1', fileName: 'f.pdf', content: Buffer.from('x') });
    const permissions = await shareReadOnly(graph.client, { driveId: 'drive-1', itemId: item.id, email: carl.mail });

    const call = standIn.graphCalls(/\/invite$/)[0]!;
    assert.equal(call.path, `/v1.0/drives/drive-1/items/${item.id}/invite`);
    assert.equal(call.headers['content-type'], 'application/json');
    assert.deepEqual(call.body, { recipients: [{ email: carl.mail }], roles: ['read'], requireSignIn: true, sendInvitation: false });
    assert.equal(permissions.length, 1);
  });

  it('installs the app for a person, and takes 409 (already installed) as done', async () => {
    const first = await installAppForUser(graph.client, standIn.url, { userId: carl.id, teamsAppId: 'catalog-app-1' });
    const second = await installAppForUser(graph.client, standIn.url, { userId: carl.id, teamsAppId: 'catalog-app-1' });

    assert.equal(first, 'installed');
    assert.equal(second, 'alreadyInstalled');
    const calls = standIn.graphCalls(/\/teamwork\/installedApps$/);
    assert.deepEqual(calls.map((call) => call.answeredStatus), [201, 409]);
    assert.equal(calls[0]!.path, `/v1.0/users/${carl.id}/teamwork/installedApps`);
    assert.deepEqual(calls[0]!.body, { 'teamsApp@odata.bind': `${standIn.url}/v1.0/appCatalogs/teamsApps/catalog-app-1` });
  });

  it('sends an activity-feed notice with a text topic, the declared activity type and template parameters', async () => {
    await sendActivityNotification(graph.client, {
      userId: carl.id, activityType: 'dsaSignatureRequested', topic: 'Data Sharing Agreement NIC-1, version 1',
      webUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28:bot', previewText: 'Please sign.',
      templateParameters: { actor: 'Dana Contact', caseReference: 'DARS-2026-00042' },
    });

    const call = standIn.graphCalls(/sendActivityNotification$/)[0]!;
    assert.equal(call.path, `/v1.0/users/${carl.id}/teamwork/sendActivityNotification`);
    assert.equal(call.answeredStatus, 204);
    assert.deepEqual(call.body, {
      topic: { source: 'text', value: 'Data Sharing Agreement NIC-1, version 1', webUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28:bot' },
      activityType: 'dsaSignatureRequested',
      previewText: { content: 'Please sign.' },
      templateParameters: [{ name: 'actor', value: 'Dana Contact' }, { name: 'caseReference', value: 'DARS-2026-00042' }],
    });
  });

  it('finds a person by email: GET /users/{email}?$select=id,displayName, else by mail', async () => {
    assert.deepEqual(await findUserByEmail(graph.client, carl.userPrincipalName), { id: carl.id, displayName: carl.displayName });
    assert.deepEqual(await findUserByEmail(graph.client, carl.mail), { id: carl.id, displayName: carl.displayName });
    assert.equal(await findUserByEmail(graph.client, 'nobody@example.org'), undefined);

    const [byUpn] = standIn.graphCalls(/^\/v1\.0\/users\//, 'GET');
    assert.equal(byUpn!.path, `/v1.0/users/${carl.userPrincipalName}`);
    assert.equal(byUpn!.query.$select, 'id,displayName');
    const byMail = standIn.graphCalls(/^\/v1\.0\/users$/, 'GET')[0]!;
    assert.equal(byMail.query.$filter, `mail eq '${carl.mail}'`);
  });

  it('retries a throttled JSON call in-process after a short Retry-After', async () => {
    standIn.throttle(/\/checkMemberGroups$/, 1, { status: 429, retryAfterSeconds: 1 });
    assert.deepEqual(await checkMemberGroups(graph.client, carl.id, ['g1']), []);
    assert.deepEqual(standIn.graphCalls().map((call) => call.answeredStatus), [429, 200]);
  });

  it('does not retry a throttled upload or a long Retry-After: the caller gets the status and Retry-After', async () => {
    standIn.throttle(/:\/content$/, 1, { status: 503, retryAfterSeconds: 30 });
    standIn.throttle(/\/installedApps$/, 1, { status: 429, retryAfterSeconds: 120 });

    const upload = uploadToDocumentLibrary(graph.client, { driveId: 'd', folder: 'DSAs', fileName: 'f.pdf', content: Buffer.from('x') });
    await assert.rejects(upload, (error) => graphStatus(error) === 503 && graphRetryAfterSeconds(error) === 30);
    const install = installAppForUser(graph.client, standIn.url, { userId: carl.id, teamsAppId: 'app' });
    await assert.rejects(install, (error) => graphStatus(error) === 429 && graphRetryAfterSeconds(error) === 120);
    assert.deepEqual(standIn.graphCalls().map((call) => call.answeredStatus), [503, 429], 'one call each: no in-process retry');
  });
});
