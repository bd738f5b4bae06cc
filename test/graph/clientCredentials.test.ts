import assert from 'node:assert/strict';

import { ClientCredentialsProvider } from '../../services/integrations/graph/clientCredentials';
import { createTransport } from '../../services/integrations/graph/httpsTransport';
import { GraphStandIn, standInCertificate } from '../support/graphStandIn';

/** The app-only token: fetched once, shared by concurrent callers, renewed shortly before it expires. */
describe('Graph app-only token (client credentials)', () => {
  let standIn: GraphStandIn;
  beforeEach(async () => {
    standIn = await GraphStandIn.start();
  });
  afterEach(() => standIn.stop());

  it('shares one token request between concurrent callers and renews five minutes before expiry', async () => {
    let clock = 0;
    const tokens = new ClientCredentialsProvider(
      { tenantId: standIn.tenantId, clientId: standIn.clientId, clientSecret: standIn.clientSecret, authorityHost: standIn.url },
      createTransport({ ca: standInCertificate }),
      () => clock,
    );
    const [a, b] = await Promise.all([tokens.getAccessToken(), tokens.getAccessToken()]);
    assert.equal(a, b);
    assert.equal(standIn.issuedTokens.length, 1);

    clock += (3599 - 301) * 1000; // still more than five minutes left
    assert.equal(await tokens.getAccessToken(), a);
    clock += 2000;
    assert.notEqual(await tokens.getAccessToken(), a, 'renewed before it runs out');
    assert.equal(standIn.issuedTokens.length, 2);
    assert.equal(tokens.tokenEndpoint, `${standIn.url}/${standIn.tenantId}/oauth2/v2.0/token`);
  });
});
