import assert from 'node:assert/strict';

import { loadConfig } from '../../bot/runtime/config';
import { botEnvironment, playgroundWindow, samePeopleProblems, windowNames } from '../../local/playgroundWindows';

describe('npm run playground: the bot environment derived from the shipped playground files', () => {
  const windows = windowNames.map((name) => playgroundWindow(name));
  const staff = playgroundWindow('staff');

  it('every window has the same people with the same ids, each a different current user', () => {
    assert.deepEqual(samePeopleProblems(windows), []);
    assert.equal(new Set(windows.map((w) => w.config.currentUser.aadObjectId)).size, windows.length);
  });

  it('gives the staff window’s person every staff role, the staff team’s channels and its connector; the bot starts on it in local mode', () => {
    const config = loadConfig(botEnvironment(staff));
    assert.equal(config.mode, 'local');
    assert.deepEqual(config.DARS_ROLES, { [staff.config.currentUser.aadObjectId]: ['staff', 'assurance', 'agd', 'pag', 'approver', 'nhseSignatory'] });
    assert.equal(config.TRIAGE_CHANNEL_ID, staff.config.team.id, 'the General channel, whose id is the team’s');
    assert.equal(config.ASSURANCE_CHANNEL_ID, staff.config.team.channels[0].id);
    assert.equal(config.AGD_CHANNEL_ID, staff.config.groupChat.id);
    assert.equal(config.PAG_CHANNEL_ID, staff.config.groupChat.id);
    assert.equal(config.TEAMS_SERVICE_URL, 'http://localhost:56151/_connector');
  });

  it('none of the DARS conversations is in the applicant’s or signatory’s window, so their posts cannot land there', () => {
    const dars = [staff.config.team.id, staff.config.team.channels[0].id, staff.config.groupChat.id];
    for (const window of windows.filter((w) => w.name !== 'staff')) {
      const theirs = [window.config.team.id, window.config.team.channels[0].id, window.config.groupChat.id, window.config.personalChat.id];
      assert.deepEqual(theirs.filter((id) => dars.includes(id)), [], window.name);
    }
  });

  it('reports a window whose people differ from the others', () => {
    const applicant = playgroundWindow('applicant');
    const renamed = { ...applicant, config: { ...applicant.config, users: applicant.config.users.map((u, i) => (i === 0 ? { ...u, aadObjectId: 'someone-else' } : u)) } };
    assert.match(samePeopleProblems([staff, renamed]).join('\n'), /applicant\.yml lists other people than .*staff\.yml/);
  });
});
