import assert from 'node:assert/strict';

import { latestSection, missingSections } from '../../services/domain/workflow';
import { caseAt, newApplicant, TODAY } from './support/journeyCases';
import { JourneyWorld } from './support/journeyChat';

/**
 * The application in chat: sections asked from data and checked against the workflow's schemas,
 * each saved as soon as it is finished, resumable after a restart; changing a saved section;
 * submitting (with every problem listed first); amending and resubmitting.
 */
describe('journey: writing, submitting and amending the application in chat', () => {
  let world: JourneyWorld;

  before(async () => {
    world = await JourneyWorld.open('journeyApplication', TODAY);
  });

  it('carries on at the first missing section, checks each answer with a specific message, saves each section at once, and resumes after a restart', async () => {
    const applicant = newApplicant('Nadia Ali');
    const reference = await caseAt(world.commands, 'drafting', applicant, { withoutSections: ['objective', 'commercialPurpose', 'transparency'] });
    const chat = world.chat(applicant);

    const opened = await chat.say('application');
    assert.match(opened.replies[0]!, new RegExp(`carry on with the application for \\*\\*${reference}\\*\\*: 14 sections, 11 saved so far`));
    assert.equal(opened.replies[1], '**Section 1 of 14: Objective for processing.**');
    assert.match(opened.replies[2]!, /What is the \*\*aim\*\* of the processing/);

    // A wrong answer gets the schema's own message, naming the field.
    const tooLong = await chat.say('x'.repeat(4001));
    assert.deepEqual(tooLong.replies, ['That doesn\'t work for **Aim**: the aim of the processing is too long (at most 4000 characters). Please answer again.']);
    await chat.say('Measure emergency readmission within 30 days of elective hip replacement.');
    await chat.say('Linked admitted patient care records show each readmission.');

    // The bot restarts mid-section: the new process resumes at the same question.
    chat.restart();
    const resumed = await chat.say('Adults with an elective hip replacement, 2015 to 2024.');
    assert.match(resumed.replies[0]!, /\*\*wider programme\*\*/);
    const objectiveSaved = await chat.say('none');
    assert.equal(objectiveSaved.typing, 1, 'a typing indicator before saving');
    assert.equal(objectiveSaved.replies[0], 'Saved **Objective for processing**.');
    assert.equal(objectiveSaved.replies[1], '**Section 4 of 14: Commercial purpose.**');
    let state = (await world.desk.get(reference))!;
    assert.deepEqual(latestSection(state.facts.application, 'objective'), {
      aim: 'Measure emergency readmission within 30 days of elective hip replacement.',
      howTheDataAchievesIt: 'Linked admitted patient care records show each readmission.',
      dataSubjects: 'Adults with an elective hip replacement, 2015 to 2024.',
      widerProgramme: '',
    });

    assert.deepEqual((await chat.say('maybe')).replies, ['Please answer **yes** or **no**.']);
    assert.match((await chat.say('yes')).replies[0]!, /Describe the \*\*commercial purpose\*\*/);
    const commercialSaved = await chat.say('A licence for the risk model to NHS trusts.');
    assert.equal(commercialSaved.replies[0], 'Saved **Commercial purpose**.');
    assert.equal(commercialSaved.replies[1], '**Section 12 of 14: Transparency.**');
    assert.deepEqual((await chat.say('on our website')).replies, [
      '"on our website" is not a web address. Give the full address, starting https://, for example "https://www.example.ac.uk/privacy".',
    ]);

    // Stopping loses nothing that was saved; "application" carries on at the first missing section.
    assert.match((await chat.say('cancel')).replies[0]!, /Every section you finished is saved/);
    state = (await world.desk.get(reference))!;
    assert.deepEqual(missingSections(state.facts.application), ['transparency']);
    const again = await chat.say('application');
    assert.match(again.replies[0]!, /13 saved so far/);
    assert.equal(again.replies[1], '**Section 12 of 14: Transparency.**');
    const done = await chat.say('https://www.leeds.ac.uk/privacy/hip-readmission');
    assert.equal(done.replies[0], 'Saved **Transparency**.');
    assert.match(done.replies[1]!, new RegExp(`All 14 sections of the application for \\*\\*${reference}\\*\\* are saved\\. Say \\*\\*submit application\\*\\*`));
    state = (await world.desk.get(reference))!;
    assert.deepEqual(missingSections(state.facts.application), []);
    assert.equal(state.facts.application.sections.transparency?.length, 1, 'each section saved once');
  });

  it('submit application lists what is missing first, then submits once complete', async () => {
    const applicant = newApplicant('Omar Farouk');
    const reference = await caseAt(world.commands, 'drafting', applicant, { withoutSections: ['ethicalApproval'] });
    const chat = world.chat(applicant);

    const refused = await chat.say('submit application');
    assert.equal(
      refused.replies[0],
      `The application for **${reference}** cannot be submitted yet:\n\n- Complete these sections: Ethical approval.\n\n` +
        'Say **application** to carry on with the sections still to write, or **application** and a section\'s name to change one.',
    );
    assert.equal((await world.desk.get(reference))!.status, 'drafting');

    assert.equal((await chat.say('application ethics')).replies[0], '**Section 8 of 14: Ethical approval.**');
    await chat.say('yes');
    const saved = await chat.say('Leeds East REC, 24/YH/0001');
    assert.match(saved.replies[1]!, /All 14 sections .* are saved/);

    const confirm = await chat.say('submit application');
    assert.match(confirm.replies[0]!, new RegExp(`All 14 sections of \\*\\*${reference}\\*\\* are complete\\. Submit version 1 to DARS for acceptance review\\? \\(yes / no\\) \\[yes\\] \\[no\\]`));
    const submitted = await chat.say('yes');
    assert.match(submitted.replies[0]!, new RegExp(`Submitted: version 1 of the application for \\*\\*${reference}\\*\\* is with DARS\\. \\*\\*${reference}\\*\\* is at application, under acceptance review`));
    assert.equal((await world.desk.get(reference))!.status, 'underAcceptanceReview');
  });

  it('changes a saved section: each saved answer can be kept, and a rule across answers re-asks the answer it points at', async () => {
    const applicant = newApplicant('Pia Nowak');
    const reference = await caseAt(world.commands, 'drafting', applicant);
    const chat = world.chat(applicant);

    const opened = await chat.say('application dsa term');
    assert.equal(opened.replies[0], '**Section 14 of 14: DSA term requested.** It is saved already: I\'ll show each saved answer; say **keep** to keep it.');
    assert.match(opened.replies[1]!, /When should the \*\*Data Sharing Agreement start\*\*\?.*Now: _1 September 2026_\. Say \*\*keep\*\* to keep it\. \[keep\]/s);
    await chat.say('1 May 2026');
    await chat.say('keep');
    const rule = await chat.say('keep');
    assert.equal(rule.replies[0], 'The DSA cannot start in the past: 1 May 2026 is before today, 2 June 2026. Please give another start date.');
    assert.match(rule.replies[1]!, /When should the \*\*Data Sharing Agreement start\*\*/);
    const saved = await chat.say('1 October 2026');
    assert.equal(saved.replies[0], 'Saved **DSA term requested**.');

    const state = (await world.desk.get(reference))!;
    assert.deepEqual(latestSection(state.facts.application, 'dsaTerm'), { start: '2026-10-01', end: '2029-08-31', use: 'other' });
    assert.equal(state.facts.application.sections.dsaTerm?.length, 2, 'a new revision; the first is kept');

    // A list answer is checked item by item, naming the item.
    await chat.say('application data requested');
    for (let i = 0; i < 4; i++) await chat.say('keep');
    assert.deepEqual((await chat.say('Admission date; NHS number (identifiable)')).replies, [
      '"NHS number" is marked identifiable: say why you need it after a colon, for example "NHS number (identifiable): to link the records".',
    ]);
    await chat.say('cancel');

    assert.match((await chat.say('application flowers')).replies[0]!, /I don't know which section "flowers" is\. The sections are:\n\n1\. Objective for processing — saved/);
  });

  it('amends after DARS asks: shows the comment per section, refuses a resubmission with nothing changed, then resubmits the change', async () => {
    const applicant = newApplicant('Quinn Taylor');
    const reference = await caseAt(world.commands, 'amendmentsRequested', applicant);
    const chat = world.chat(applicant);

    const opened = await chat.say('amend');
    assert.equal(
      opened.replies[0],
      `Dana Contact asked for amendments to version 1 of **${reference}** on 1 June 2026:\n\n- **Expected outcomes and measurable benefits**: Say how the benefit will be measured.`,
    );
    assert.match(opened.replies[1]!, /Nothing is changed yet\. Which section do you want to change\?.*\[Expected outcomes and measurable benefits\] \[resubmit\] \[later\]/s);

    const tooSoon = await chat.say('resubmit');
    assert.equal(tooSoon.replies[0], 'Nothing has changed since version 1. Amend the sections DARS commented on (Expected outcomes and measurable benefits) and then resubmit.');
    assert.match(tooSoon.replies[1]!, /Which section do you want to change\?/);

    const section = await chat.say('Expected outcomes and measurable benefits');
    assert.equal(section.replies[0], '**Section 3 of 14: Expected outcomes and measurable benefits.** It is saved already: I\'ll show each saved answer; say **keep** to keep it.');
    assert.match(section.replies[1]!, /Now: _A peer-reviewed paper\._/);
    await chat.say('keep');
    const saved = await chat.say('Readmissions down 5% within two years, measured each quarter from HES.');
    assert.equal(saved.replies[0], 'Saved **Expected outcomes and measurable benefits**.');
    assert.match(saved.replies[1]!, /Changed so far: Expected outcomes and measurable benefits\..*\[Expected outcomes and measurable benefits \(changed\)\]/s);

    const resubmitted = await chat.say('resubmit');
    assert.match(resubmitted.replies[0]!, new RegExp(`Resubmitted: version 2 of the application for \\*\\*${reference}\\*\\* is with DARS\\.`));
    const state = (await world.desk.get(reference))!;
    assert.equal(state.status, 'underAcceptanceReview');
    assert.deepEqual(state.facts.application.submissions.at(-1)?.changedSections, ['expectedOutcomes']);
  });
});
