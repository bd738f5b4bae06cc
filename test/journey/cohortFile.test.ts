import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { FileServer } from '../support/fileServer';
import { NIC } from '../workflow/support/data';
import { dana } from '../workflow/support/people';
import { caseAt, newApplicant, TODAY } from './support/journeyCases';
import { JourneyWorld, teamsFile } from './support/journeyChat';

/**
 * The cohort file in the 1:1 chat: attached as Teams delivers files (a download URL, here served
 * by a local file server), checked against the DSA with every failing row reported, and received
 * by the workflow only when it passes.
 */
describe('journey: sending the cohort file in chat', () => {
  let world: JourneyWorld;
  let files: FileServer;

  before(async () => {
    world = await JourneyWorld.open('journeyCohort', TODAY);
    files = await FileServer.start();
  });

  after(async () => {
    await files.close();
  });

  const awaitingCohortFile = (applicant: ReturnType<typeof newApplicant>) =>
    caseAt(world.commands, 'arrangingAccess', applicant, { then: [[dana, { type: 'cohortFileDue', dueDate: '2026-06-15' }]] });

  const header = 'UNIQUE REFERENCE,STATUS,DATE OF BIRTH';

  it('reports every failing row of an attached file, with exact counts, and sends nothing to DARS', async () => {
    const applicant = newApplicant('Rosa Diaz');
    const reference = await awaitingCohortFile(applicant);
    const chat = world.chat(applicant);
    const csv = [
      header,
      'P1,add,1980-01-15', //   row 2: fine
      'P2,remove,1980-01-15', // row 3: status
      ',add,1980-02-30', //      row 4: no reference, impossible date
      'P1,add,2030-01-01', //    row 5: duplicate, born after today
      'P5,add', //               row 6: too few values
      'P6,maybe,15/01/1980', //  row 7: status and date format
      'P7,delete,1990-01-01', // row 8: a first file may only add
    ].join('\n');
    const name = `${NIC}_cohort.csv`;
    const url = files.serve(name, csv);

    // Attached on its own, without saying "cohort file" first.
    const turn = await chat.attach(teamsFile(name, url));
    assert.ok(files.requested.some((path) => url.endsWith(encodeURI(path))), 'the file was downloaded from its URL');
    assert.ok(turn.typing >= 1, 'a typing indicator before the check');
    const [summary, rows] = turn.replies;
    assert.match(summary!, new RegExp(`The cohort file ${name} cannot be sent yet\\.`));
    assert.match(summary!, /6 of 7 rows fail:/);
    assert.match(summary!, /STATUS must be add or delete: rows 3, 7 \(2 rows\)\./);
    assert.match(summary!, /UNIQUE REFERENCE is empty: row 4 \(1 row\)\./);
    assert.match(summary!, /UNIQUE REFERENCE appears more than once in the file: row 5 \(1 row\)\./);
    assert.match(summary!, /DATE OF BIRTH is after today: row 5 \(1 row\)\./);
    assert.match(summary!, /The row has a different number of values from the header \(3\): row 6 \(1 row\)\./);
    assert.match(summary!, /STATUS is delete, but a first cohort file may only add people: row 8 \(1 row\)\./);
    assert.match(summary!, /Nothing was sent to DARS/);
    for (const row of [3, 4, 5, 6, 7, 8]) assert.match(rows!, new RegExp(`- Row ${row}: `));
    assert.doesNotMatch(rows!, /- Row 2: /);
    assert.match(rows!, /- Row 7: STATUS must be add or delete; DATE OF BIRTH is not a date in the form YYYY-MM-DD/);
    assert.doesNotMatch(turn.replies.join('\n'), /P6|15\/01\/1980/, 'values from the file never appear in messages');

    const state = (await world.desk.get(reference))!;
    assert.equal(state.facts.access?.cohortFile.files.length, 0);
    assert.equal(state.status, 'arrangingAccess');
  });

  it('keeps a long report readable: the row list is capped, the counts stay exact', async () => {
    const applicant = newApplicant('Sam Okafor');
    await awaitingCohortFile(applicant);
    const chat = world.chat(applicant);
    const rows = Array.from({ length: 120 }, (_, i) => `P${i},${i % 2 === 0 ? 'remove' : 'add'},${i % 2 === 0 ? '1980-01-01' : '1980-13-01'}`);
    const name = `${NIC}_cohort.csv`;
    const turn = await chat.attach(teamsFile(name, files.serve(name, [header, 'P-ok,add,1970-01-01', ...rows].join('\n'))));
    const [summary, list] = turn.replies;
    assert.match(summary!, /120 of 121 rows fail:/);
    assert.match(summary!, /STATUS must be add or delete: rows 3, 5, 7.* \(60 rows\)\./);
    assert.match(summary!, /DATE OF BIRTH is not a date in the form YYYY-MM-DD: rows 4, 6, 8.* \(60 rows\)\./);
    assert.equal(list!.match(/- Row /g)?.length, 50);
    assert.match(list!, /…and 70 more rows \(120 failing rows in all, each counted in the summary above\)\./);
  });

  it('"cohort file" says what the DSA needs, waits for the file, and a passing file is received by the workflow', async () => {
    const applicant = newApplicant('Tara Singh');
    const reference = await awaitingCohortFile(applicant);
    const chat = world.chat(applicant);

    const opened = await chat.say('cohort file');
    assert.match(opened.replies[0]!, new RegExp(`Please send the cohort file for \\*\\*${reference}\\*\\*: a CSV file whose name starts with \\*\\*${NIC}\\*\\*`));
    assert.match(opened.replies[0]!, /UNIQUE REFERENCE, STATUS \(add or delete; a first file is all add\), DATE OF BIRTH/);
    assert.match(opened.replies[0]!, /It is due by 15 June 2026\./);
    assert.match(opened.replies[1]!, /Attach the CSV file/);
    assert.match((await chat.say('here it is')).replies[0]!, /I need the file itself/);

    const wrongName = 'cohort.csv';
    const named = await chat.attach(teamsFile(wrongName, files.serve(wrongName, `${header}\nP1,add,1980-01-15\n`)));
    assert.match(named.replies[0]!, new RegExp(`The file name must start with the NIC number, ${NIC}`));

    const csv = `${header}\nP1,add,1980-01-15\nP2,add,1975-12-31\n`;
    const name = `${NIC}_cohort_2026-06.csv`;
    const received = await chat.attach(teamsFile(name, files.serve(name, csv)));
    assert.equal(received.replies[0], `The cohort file ${name} passed every check: 2 rows (2 add, 0 delete).`);
    assert.match(received.replies[1]!, new RegExp(`DARS has received the cohort file for \\*\\*${reference}\\*\\* \\(2 rows\\)\\.`));
    const file = (await world.desk.get(reference))!.facts.access?.cohortFile.files[0];
    assert.equal(file?.fileName, name);
    assert.equal(file?.rows, 2);
    assert.equal(file?.contentHash, createHash('sha256').update(csv, 'utf8').digest('hex'));
    assert.equal(file?.received.by.id, applicant.id);
  });

  it('says plainly when the attachment is not a CSV, or cannot be downloaded', async () => {
    const applicant = newApplicant('Uri Cohen');
    await awaitingCohortFile(applicant);
    const chat = world.chat(applicant);
    const sheet = `${NIC}_cohort.xlsx`;
    assert.match((await chat.attach(teamsFile(sheet, files.serve(sheet, 'PK…', 'application/octet-stream')))).replies[0]!, /is not a CSV file/);
    const gone = `${NIC}_cohort.csv`;
    assert.match((await chat.attach(teamsFile(gone, `${files.url}/download/expired/${gone}`))).replies[0]!, /I could not download .* Please attach it again/);
  });
});
