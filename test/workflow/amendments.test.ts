import assert from 'node:assert/strict';
import { diffApplicationVersions, diffLines, diffSectionVersions, formatDiff, revisionInVersion } from '../../services/domain/workflow';
import { saveSection, sections } from './support/data';
import { caseAt } from './support/driver';
import { ada, dana, mo } from './support/people';

describe('the amendment loop', () => {
  it('asks per section, keeps every version, and shows the reviewer what changed', () => {
    const d = caseAt('underAcceptanceReview');
    const asked = d.do(dana, {
      type: 'requestAmendments',
      comments: [
        { section: 'expectedOutcomes', comment: 'Say how the benefit will be measured.' },
        { section: 'objective', comment: 'Name the control group.' },
      ],
    });
    assert.ok(asked.effects.some((effect) => effect.kind === 'sendCard' && effect.card === 'amendments'));
    assert.equal(d.case.status, 'amendmentsRequested');
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'person', id: ada.id, name: ada.name }]);

    const nothing = d.attempt(ada, { type: 'resubmitApplication' });
    assert.equal(nothing.outcome === 'refused' && nothing.code, 'invalid');
    assert.match(nothing.outcome === 'refused' ? nothing.reason : '', /Nothing has changed since version 1\. Amend the sections DARS commented on \(Expected outcomes and measurable benefits, Objective for processing\)/);

    const base = sections({ gpData: true });
    d.do(mo, saveSection('objective', { ...base.objective, dataSubjects: 'Adults with an elective hip replacement, 2015 to 2024.\nControl group: matched knee replacement patients.' }));
    d.do(ada, saveSection('expectedOutcomes', { ...base.expectedOutcomes, measurableBenefits: 'Readmissions down 5% within two years, measured from HES.' }));
    const resubmitted = d.do(ada, { type: 'resubmitApplication' });
    const event = resubmitted.events[0];
    assert.equal(event?.type, 'applicationResubmitted');
    assert.deepEqual(event?.type === 'applicationResubmitted' && [event.version, event.changedSections], [2, ['objective', 'expectedOutcomes']]);
    assert.equal(d.case.status, 'underAcceptanceReview');

    const application = d.case.facts.application;
    assert.equal(application.sections.objective?.length, 2, 'both revisions of the section are kept');
    assert.equal(revisionInVersion(application, 'objective', 1)?.revision, 1);
    assert.equal(revisionInVersion(application, 'objective', 2)?.revision, 2);
    assert.equal(revisionInVersion(application, 'transparency', 2)?.revision, 1, 'an unchanged section carries over');

    const diffs = diffApplicationVersions(application, 1, 2);
    assert.deepEqual(diffs.map((diff) => diff.section), ['objective', 'expectedOutcomes']);
    const objective = diffs[0];
    assert.ok(objective);
    assert.deepEqual(objective.lines.filter((line) => line.change !== 'same'), [
      { change: 'removed', text: '  No control group.' },
      { change: 'added', text: '  Control group: matched knee replacement patients.' },
    ]);
    assert.match(formatDiff(objective), /^Objective for processing\n {2}Aim: Measure/);
    assert.match(formatDiff(objective), /\n- {3}No control group\.\n\+ {3}Control group: matched/);

    d.do(dana, { type: 'acceptApplication', nicNumber: 'NIC-123456-AB1C2' });
    assert.equal(d.case.facts.application.accepted?.version, 2);
  });

  it('diffs two revisions line by line, including a section not yet written', () => {
    const d = caseAt('drafting');
    const first = d.case.facts.application.sections.objective?.[0];
    assert.ok(first);
    const same = diffSectionVersions(first, first);
    assert.equal(same.changed, false);
    const fresh = diffSectionVersions(undefined, first);
    assert.ok(fresh.changed);
    assert.ok(fresh.lines.every((line) => line.change === 'added'));
    assert.equal(fresh.lines[0]?.text, 'Aim: Measure emergency readmission within 30 days of elective hip replacement.');
  });

  it('shows a reworded line as removed then added, and keeps every other line in order', () => {
    const before = ['Aim: readmissions', 'Data: HES', 'Cohort: 2015 to 2024', 'Output: tables'];
    const after = ['Aim: readmissions', 'Data: HES and GP data', 'Cohort: 2015 to 2024', 'Method: matched controls', 'Output: tables'];
    assert.deepEqual(diffLines(before, after), [
      { change: 'same', text: 'Aim: readmissions' },
      { change: 'removed', text: 'Data: HES' },
      { change: 'added', text: 'Data: HES and GP data' },
      { change: 'same', text: 'Cohort: 2015 to 2024' },
      { change: 'added', text: 'Method: matched controls' },
      { change: 'same', text: 'Output: tables' },
    ]);
    assert.deepEqual(diffLines([], []), []);
    assert.deepEqual(diffLines(['only'], []), [{ change: 'removed', text: 'only' }]);
  });
});
