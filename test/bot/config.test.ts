import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { ConfigError, loadConfig } from '../../bot/runtime/config';

const documentLinks = { DOCUMENT_LINK_SECRET: 'a'.repeat(40), PUBLIC_BASE_URL: 'https://dars-bot.example.nhs.uk' };

describe('Configuration', () => {
  it('runs in local mode with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.mode, 'local');
    assert.equal(config.PORT, 3978);
    assert.equal(config.MONGODB_URI, undefined);
  });

  it('names every wrong variable and says what it should be', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', MONGODB_URI: 'localhost:27017', TRIAGE_CHANNEL_ID: 'DARS triage', DARS_ROLES: '{bad json' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const message = error.message;
        assert.match(message, /PORT: /);
        assert.match(message, /MONGODB_URI: a MongoDB connection string starting mongodb:\/\//);
        assert.match(message, /TRIAGE_CHANNEL_ID: a channel id without spaces, like 19:/);
        assert.match(message, /DARS_ROLES: must be JSON/);
        return true;
      },
    );
  });

  it('checks the staff role map: Entra object ids to known roles', () => {
    const id = '3f2b8c1e-1111-4a5b-9c0d-222233334444';
    assert.deepEqual(loadConfig({ DARS_ROLES: JSON.stringify({ [id]: ['staff', 'pag'] }) }).DARS_ROLES, { [id]: ['staff', 'pag'] });
    assert.throws(() => loadConfig({ DARS_ROLES: JSON.stringify({ [id]: ['emperor'] }) }), /DARS_ROLES/);
  });

  it("local mode takes the ids Microsoft's local clients use; production mode only Teams and Entra ids", () => {
    // The Agents Playground's own mock user and channel ids.
    const playground = {
      DARS_ROLES: JSON.stringify({ '00000000-0000-0000-0000-0000000000020': ['staff', 'approver'] }),
      TRIAGE_CHANNEL_ID: 'team-id',
      ASSURANCE_CHANNEL_ID: 'channel-announcements-id',
    };
    const local = loadConfig(playground);
    assert.equal(local.mode, 'local');
    assert.equal(local.TRIAGE_CHANNEL_ID, 'team-id');
    assert.deepEqual(local.DARS_ROLES, { '00000000-0000-0000-0000-0000000000020': ['staff', 'approver'] });

    const credentials = { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'tenant', ...documentLinks };
    assert.throws(
      () => loadConfig({ ...credentials, ...playground }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /TRIAGE_CHANNEL_ID: a Teams channel id like 19:abc…@thread\.tacv2/);
        assert.match(error.message, /ASSURANCE_CHANNEL_ID: a Teams channel id like 19:/);
        assert.match(error.message, /DARS_ROLES: Entra object ids \(GUIDs\) as keys; not 00000000-0000-0000-0000-0000000000020/);
        assert.doesNotMatch(error.message, /AGD_CHANNEL_ID|PAG_CHANNEL_ID/);
        return true;
      },
    );
    const production = loadConfig({ ...credentials, TRIAGE_CHANNEL_ID: '19:abc@thread.tacv2', DARS_ROLES: JSON.stringify({ '3f2b8c1e-1111-4a5b-9c0d-222233334444': ['staff'] }) });
    assert.equal(production.TRIAGE_CHANNEL_ID, '19:abc@thread.tacv2');
  });

  it('checks the local directory of people: emails to an Entra object id and a name', () => {
    const carl = { id: '3f2b8c1e-1111-4a5b-9c0d-222233334444', name: 'Carl Controller' };
    assert.deepEqual(loadConfig({ DARS_PEOPLE: JSON.stringify({ 'carl@leeds.example.ac.uk': carl }) }).DARS_PEOPLE, { 'carl@leeds.example.ac.uk': carl });
    assert.throws(() => loadConfig({ DARS_PEOPLE: JSON.stringify({ carl }) }), /DARS_PEOPLE\.carl: keys must be email addresses/);
    assert.throws(() => loadConfig({ DARS_PEOPLE: JSON.stringify({ 'carl@leeds.example.ac.uk': { ...carl, id: 'carl lee' } }) }), /DARS_PEOPLE.*an Entra object id/);
    assert.throws(() => loadConfig({ DARS_PEOPLE: '{carl' }), /DARS_PEOPLE: must be JSON/);
  });

  it('production mode (an app id) refuses to start without credentials', () => {
    assert.throws(() => loadConfig({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001' }), /MICROSOFT_APP_PASSWORD: required/);
    assert.throws(
      () => loadConfig({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'secret' }),
      /MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE=SingleTenant/,
    );
    const config = loadConfig({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'tenant', ...documentLinks });
    assert.equal(config.mode, 'production');
  });

  it('production mode without Graph needs the document links’ secret and public address; local mode derives them', () => {
    const credentials = { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'tenant' };
    assert.throws(() => loadConfig(credentials), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /DOCUMENT_LINK_SECRET: required in production without Microsoft Graph/);
      assert.match(error.message, /PUBLIC_BASE_URL: required in production without Microsoft Graph/);
      return true;
    });
    assert.throws(() => loadConfig({ DOCUMENT_LINK_SECRET: 'short' }), /DOCUMENT_LINK_SECRET: at least 32 characters/);
    const local = loadConfig({});
    assert.equal(local.DOCUMENT_LINK_SECRET, undefined);
    assert.equal(local.DOCUMENT_LINK_HOURS, 72);
  });

  it('packaging the Teams app needs the app id but not the secret', () => {
    const config = loadConfig({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001' }, 'packaging');
    assert.equal(config.MICROSOFT_APP_ID, '00000000-0000-0000-0000-000000000001');
  });

  it('refuses NODE_ENV=production without an app id (local mode has no authentication)', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /MICROSOFT_APP_ID: required when NODE_ENV=production/);
  });

  it('the bot process stops at start with the message naming the variable', () => {
    const entry = path.resolve(__dirname, '..', '..', 'bot', 'index.js');
    const run = spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, PORT: 'eighty' }, encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DARS Bot cannot start; fix these environment variables:\n\s+- PORT: /);
  });
});
