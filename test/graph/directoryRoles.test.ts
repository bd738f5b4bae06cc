import assert from 'node:assert/strict';

import { GraphDirectoryRoles, StaticDirectoryRoles, type RoleGroups } from '../../services/integrations/graph/directoryRoles';
import { createGraphConnection, type GraphConnection } from '../../services/integrations/graph/graphClient';
import { GraphStandIn, roleGroups, standInCertificate } from '../support/graphStandIn';

/** Staff roles from Entra ID groups (checkMemberGroups), cached briefly; the static map for local mode. */
describe('Staff roles from the directory', () => {
  let standIn: GraphStandIn;
  let graph: GraphConnection;
  let clock: number;
  const sam = { id: 'a0000000-0000-4000-8000-000000000003', displayName: 'Sam Staff', userPrincipalName: 'sam@nhs.example', mail: 'sam.staff@nhs.example' };
  const nina = { id: 'a0000000-0000-4000-8000-000000000009', displayName: 'Nina Signatory', userPrincipalName: 'nina@nhs.example', mail: 'nina.signatory@nhs.example' };
  const groups: RoleGroups = roleGroups;

  beforeEach(async () => {
    standIn = await GraphStandIn.start();
    standIn.addUser(sam).addUser(nina)
      .setGroupMembers(groups.staff!, [sam.id])
      .setGroupMembers(groups.approver!, [sam.id])
      .setGroupMembers(groups.nhseSignatory!, [nina.id]);
    graph = createGraphConnection({
      tenantId: standIn.tenantId, clientId: standIn.clientId, clientSecret: standIn.clientSecret,
      graphBaseUrl: standIn.url, authorityHost: standIn.url, trustedCa: standInCertificate, inlineRetries: 0,
    });
    clock = Date.parse('2026-06-01T09:00:00Z');
  });
  afterEach(() => standIn.stop());

  const directory = (cacheSeconds = 60) => new GraphDirectoryRoles({ client: graph.client, groups, cacheSeconds, now: () => clock });

  it('resolves roles with one checkMemberGroups call over every role group', async () => {
    assert.deepEqual(await directory().rolesOf(sam.id), ['staff', 'approver']);
    assert.deepEqual(await directory().rolesOf(nina.id), ['nhseSignatory']);

    const [call] = standIn.graphCalls(/checkMemberGroups$/);
    assert.equal(call!.method, 'POST');
    assert.equal(call!.path, `/v1.0/users/${sam.id}/checkMemberGroups`);
    assert.deepEqual(call!.body, { groupIds: Object.values(groups) });
    assert.equal(call!.headers.authorization, `Bearer ${standIn.issuedTokens[0]}`);
  });

  it('reuses an answer while it is fresh, and a role taken away in the directory takes effect when the cache expires', async () => {
    const roles = directory(60);
    assert.deepEqual(await roles.rolesOf(sam.id), ['staff', 'approver']);

    standIn.setGroupMembers(groups.approver!, []); // an administrator removes Sam from the approvers
    clock += 30_000;
    assert.deepEqual(await roles.rolesOf(sam.id), ['staff', 'approver'], 'still cached');
    assert.equal(standIn.graphCalls(/checkMemberGroups$/).length, 1);

    clock += 31_000;
    assert.deepEqual(await roles.rolesOf(sam.id), ['staff'], 'the approver role is gone once the cache has expired');
    assert.equal(standIn.graphCalls(/checkMemberGroups$/).length, 2);
  });

  it('fails closed when Graph cannot answer, and asks again next time', async () => {
    standIn.throttle(/checkMemberGroups$/, 1, { status: 503, retryAfterSeconds: 60 });
    const roles = directory();
    await assert.rejects(roles.rolesOf(sam.id), /Please retry/);
    assert.deepEqual(await roles.rolesOf(sam.id), ['staff', 'approver']);
  });

  it('lists the people holding a role, with the address to share documents with', async () => {
    assert.deepEqual(await directory().membersOf('nhseSignatory'), [{ id: nina.id, displayName: nina.displayName, email: nina.mail }]);
    const call = standIn.graphCalls(/transitiveMembers/)[0]!;
    assert.equal(call.path, `/v1.0/groups/${groups.nhseSignatory}/transitiveMembers/microsoft.graph.user`);
    assert.equal(call.query.$select, 'id,displayName,mail,userPrincipalName');
  });

  it('in local mode reads the static map (DARS_ROLES) with the same interface', async () => {
    const local = new StaticDirectoryRoles({ [sam.id.toUpperCase()]: ['approver', 'staff'], [nina.id]: ['nhseSignatory'] });
    assert.deepEqual(await local.rolesOf(sam.id), ['staff', 'approver']);
    assert.deepEqual(await local.rolesOf('a0000000-0000-4000-8000-000000000099'), []);
    assert.deepEqual(await local.membersOf('nhseSignatory'), [{ id: nina.id }]);
    assert.match(local.description, /DARS_ROLES/);
  });
});
