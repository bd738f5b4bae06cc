import assert from 'node:assert/strict';

import { TestAdapter, TurnContext } from 'botbuilder';

import { createLogger } from '../../bot/runtime/logger';
import { turnLogger } from '../../bot/runtime/turnLogger';

/** "No applicant data in logs" is enforced by the logger, not by each caller's care. */
describe('the logger', () => {
  const words = 'Linking GP records of Jane Smith (jane.smith@example.org) for my diabetes study';

  function capture(threshold: 'debug' | 'info' | 'silent' = 'debug') {
    const lines: string[] = [];
    return { lines, logger: createLogger(threshold, (line) => lines.push(line)) };
  }

  it('writes one JSON line with the level, message, time and the identifiers it was given', () => {
    const { lines, logger } = capture();
    logger.info('card decision', { caseRef: 'DARS-2026-0001', verb: 'triage.accept' });
    assert.equal(lines.length, 1);
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    assert.equal(entry.level, 'info');
    assert.equal(entry.msg, 'card decision');
    assert.equal(entry.caseRef, 'DARS-2026-0001');
    assert.equal(entry.verb, 'triage.accept');
    assert.ok(!Number.isNaN(Date.parse(String(entry.time))));
  });

  it('a turn child carries the activity id, conversation and case on every line', () => {
    const { lines, logger } = capture();
    const turn = logger.child({ activityId: 'activity-1', conversation: 'a:chat-1' }).child({ caseRef: 'DARS-2026-0002' });
    turn.warn('card update failed', { error: 'Error: 412' });
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    assert.deepEqual([entry.activityId, entry.conversation, entry.caseRef, entry.error], ['activity-1', 'a:chat-1', 'DARS-2026-0002', 'Error: 412']);
  });

  it("a turn's logger is made once per turn from the activity: its id and conversation, never its words", () => {
    const { lines, logger } = capture();
    const context = new TurnContext(new TestAdapter(), {
      type: 'message',
      id: 'activity-7',
      text: words,
      conversation: { id: 'a:chat-7', isGroup: false, conversationType: 'personal', name: 'chat' },
      from: { id: 'user-1', name: 'Jane Smith' },
    });
    assert.equal(turnLogger(context, logger), turnLogger(context, logger), 'one child per turn');
    turnLogger(context, logger).child({ caseRef: 'DARS-2026-0007' }).info('card decision', { verb: 'triage.accept' });
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.deepEqual([entry.activityId, entry.conversation, entry.caseRef], ['activity-7', 'a:chat-7', 'DARS-2026-0007']);
    assert.doesNotMatch(lines[0]!, /Jane|Smith|diabetes/);
  });

  it("applicant words, names, emails, answers, titles and file names passed to it never reach the output", () => {
    const { lines, logger } = capture();
    const applicantFields = { name: words, displayName: words, email: words, text: words, answer: words, answers: words, title: words, projectTitle: words, purpose: words, fileName: words, value: words };
    logger.info('something happened', { caseRef: 'DARS-2026-0003', ...applicantFields });
    logger.child({ name: words, email: words }).error('in a child', { text: words });
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.doesNotMatch(line, /Jane|Smith|example\.org|diabetes/, line);
      const entry = JSON.parse(line) as Record<string, unknown>;
      for (const field of ['name', 'email', 'text']) assert.equal(entry[field], '[redacted]', field);
    }
    assert.equal((JSON.parse(lines[0]) as Record<string, unknown>).caseRef, 'DARS-2026-0003', 'identifiers are kept');
  });

  it('lines below the threshold are not written, and silent writes nothing', () => {
    const info = capture('info');
    info.logger.debug('detail');
    info.logger.info('kept');
    assert.equal(info.lines.length, 1);
    const silent = capture('silent');
    silent.logger.error('not written');
    assert.equal(silent.lines.length, 0);
  });
});
