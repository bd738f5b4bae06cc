import assert from 'node:assert/strict';
import { z } from 'zod';

import { graphEnvironmentShape, graphSettingsFrom } from '../../services/integrations/graph/graphSettings';

/** The Graph configuration: off without GRAPH_CLIENT_ID; on, every variable it needs or a clear refusal. */
describe('Graph configuration', () => {
  const parse = (env: Record<string, string>) => graphSettingsFrom(z.object(graphEnvironmentShape).parse(env));
  const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const complete = {
    GRAPH_TENANT_ID: 'contoso.onmicrosoft.com', GRAPH_CLIENT_ID: guid(1), GRAPH_CLIENT_SECRET: 's3cret',
    SHAREPOINT_DRIVE_ID: 'b!drive', TEAMS_CATALOG_APP_ID: guid(2),
    ROLE_GROUP_STAFF: guid(11), ROLE_GROUP_ASSURANCE: guid(12), ROLE_GROUP_AGD: guid(13),
    ROLE_GROUP_PAG: guid(14), ROLE_GROUP_APPROVER: guid(15), ROLE_GROUP_NHSE_SIGNATORY: guid(16),
  };

  it('is local mode without GRAPH_CLIENT_ID', () => {
    assert.deepEqual(parse({}), { mode: 'local' });
  });

  it('names every missing variable when Graph is half configured', () => {
    const result = parse({ GRAPH_CLIENT_ID: guid(1), ROLE_GROUP_STAFF: guid(11) });
    assert.equal(result.mode, 'invalid');
    const problems = result.mode === 'invalid' ? result.problems.map((problem) => problem.split(':')[0]) : [];
    assert.deepEqual(problems, [
      'GRAPH_TENANT_ID', 'GRAPH_CLIENT_SECRET', 'SHAREPOINT_DRIVE_ID', 'TEAMS_CATALOG_APP_ID',
      'ROLE_GROUP_ASSURANCE', 'ROLE_GROUP_AGD', 'ROLE_GROUP_PAG', 'ROLE_GROUP_APPROVER', 'ROLE_GROUP_NHSE_SIGNATORY',
    ]);
  });

  it('gives the client, library, catalog app and role groups when complete', () => {
    const result = parse(complete);
    assert.equal(result.mode, 'graph');
    if (result.mode !== 'graph') return;
    assert.equal(result.settings.client.graphBaseUrl, 'https://graph.microsoft.com');
    assert.equal(result.settings.client.authorityHost, 'https://login.microsoftonline.com');
    assert.equal(result.settings.dsaFolder, 'DSAs');
    assert.equal(result.settings.roleCacheSeconds, 60);
    assert.equal(result.settings.roleGroups.nhseSignatory, guid(16));
  });
});
