import assert from 'node:assert/strict';

import { plainInMarkdown } from '../../services/domain/text/markdownText';
import { validEnquiryAnswers } from '../enquiry/enquiryConversation';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { hostile, hostileProse, linkedName, markdownTexts, markupProblems, type Rendered } from '../support/peoplesWords';
import { FileServer } from '../support/fileServer';
import { cardOf, readableText, teamsUser } from '../support/teams';
import { teamsFile } from '../journey/support/journeyChat';
import { answerInTurn, applicationAnswers, dsptPublished, isoDate, lastSaid, turn } from './support/applicantJourney';
import { triage } from './support/caseSteps';
import { CaseWorld, cardText, controllerSignatoryEmail, newCast, type Cast } from './support/caseWorld';

/**
 * "People's words stay words", over HTTP, across a whole case: every free-text field from the
 * enquiry to the DSA signatures is filled with Markdown links, images, emphasis, HTML and web
 * addresses (and the applicant and DARS contact have such display names); every card and message
 * the connector stand-in received — what everyone on the case was shown — is then read the way
 * Teams renders it, and none of that markup may be live. Hidden characters are refused where
 * they are typed, each time saying why, and the case goes on once they are gone.
 */
describe('People’s words stay words: markup typed anywhere in a case is shown as text (over HTTP)', function () {
  this.timeout(300_000);
  const cast: Cast = {
    ...newCast(),
    applicant: teamsUser(linkedName('Ada Applicant')),
    contact: teamsUser(`${hostile.emphasis[0]} Dana Contact`),
  };
  let world: CaseWorld;

  before(async () => {
    world = await CaseWorld.start('words', cast);
  });

  after(async () => {
    if (world) assertEveryCardValid(world.connector);
    await world?.stop();
  });

  const leeds = linkedName('University of Leeds');
  const question = hostileProse('Do you need GP data for every practice?');

  it('takes a case from enquiry to both DSA signatures with markup in every free-text field, and no one is shown it as markup', async () => {
    const { applicant, staff, contact, assurance, pag, approver, nhseSignatory, controllerSignatory } = cast;
    const chat = world.chat(applicant);

    // The enquiry, in chat: a bidi override in the purpose is refused, saying so; then markup everywhere.
    const intro = await turn(chat, 'new enquiry');
    const purpose = hostileProse(validEnquiryAnswers.purpose);
    const asked = await answerInTurn(chat, lastSaid(intro), [
      [/Which NHS England datasets/, 'HES Admitted Patient Care, GDPPR'],
      [/Which period/, validEnquiryAnswers.period],
      [/what level/i, validEnquiryAnswers.level],
      [/Part 2 of 4/, `${purpose} exe.\u202Etxt`],
      [/I can't take that answer: it contains a right-to-left override \(U\+202E\) at character \d+[\s\S]*Please type it again/, purpose],
      [/Part 3 of 4/, `${leeds} - data controller; ${linkedName('Acme Analytics Ltd')} - data processor`],
      [/Part 4 of 4/, 'ready to apply'],
    ]);
    assert.match(asked, /By what date/);
    const summary = (await turn(chat, validEnquiryAnswers.targetDate)).find((sent) => cardOf(sent));
    assert.ok(summary, 'the enquiry summary card');
    const submitted = (await world.clickInChat(applicant, summary, 'enquiryDraft.submit')).map((sent) => readableText(sent)).join('\n');
    const reference = /DARS-\d{4}-\d{5}/.exec(submitted)?.[0];
    assert.ok(reference, submitted);

    // Staff ask a question on the card: a zero-width space in it is refused on the card, saying where.
    const review = await world.awaitCard(staff, 'enquiry.requestInformation', reference, triage);
    await assert.rejects(world.decide(staff, review, 'enquiry.requestInformation', reference, { question: `Which\u200B years?` }), /zero-width space \(U\+200B\) at character 6/);
    await world.act(staff, 'enquiry.requestInformation', reference, { where: triage, inputs: { question } });
    await world.awaitCardAbout({ person: applicant }, reference, /information request/);
    const shown = readableText((await turn(chat, 'answer'))[0]);
    assert.ok(shown.includes(plainInMarkdown(question)), `the applicant reads DARS's question as written, escaped: ${shown}`);
    assert.match(lastSaid(await turn(chat, hostileProse('Every practice in England.'))), /your answer is with the DARS team/);
    await world.act(staff, 'enquiry.accept', reference, { where: triage });

    // Preliminary assessment and funding, every text input carrying markup.
    await world.act(staff, 'assessment.record', reference, {
      where: triage,
      inputs: {
        accessService: 'secureDataEnvironment',
        novelOrContentious: 'false',
        cohortSubmissionNeeded: 'true',
        otherEvidence: hostileProse('Ethics approval letter'),
        agreements: 'Data Sharing Agreement: the NHS England signatory and the data controller signatory',
        signatoryEmail: controllerSignatoryEmail,
        signatoryOrganisation: leeds,
        dsptCode: 'EE133863',
        dsptStatus: 'Standards Met',
        dsptPublishedOn: isoDate(dsptPublished),
        workingDays: '60',
        timeNote: hostileProse('Depends on the GP data'),
        chargeType: 'newApplication',
        agreementYears: '3',
      },
    });
    await world.act(applicant, 'funding.confirm', reference, {
      inputs: { fundingSource: hostileProse('NIHR grant'), purchaseOrderNumber: '**PO-1**', invoiceName: linkedName('Finance Office'), invoiceEmail: 'finance@leeds.example.ac.uk', billingAddress: hostileProse('Woodhouse, Leeds') },
    });
    await world.act(staff, 'assessment.readyToApply', reference, { where: triage });
    await world.act(contact, 'case.take', reference, { where: triage });
    await world.awaitCardAbout({ person: applicant }, reference, /application invitation/);

    // The application, in chat: a bidi isolate refused in one section; markup in the prose and the organisation's name.
    const prose = new Set(['aim', 'How will the data achieve that aim', 'data subjects', 'processing activities', 'expected outcomes', 'measurable benefits', 'filters']);
    const answers = applicationAnswers.flatMap(([asks, answer]): (readonly [RegExp, string])[] => {
      const key = asks.source.replace(/\\\*\\\*/g, '');
      if (key === 'aim') return [[asks, `Measure readmission \u2066after\u2069 surgery.`], [/left-to-right isolate \(U\+2066\)/, hostileProse(answer)]];
      if (prose.has(key)) return [[asks, hostileProse(answer)]];
      if (key === 'data controllers and processors') return [[asks, `${leeds} | data controller | ${hostileProse('Woodhouse, Leeds LS2 9JT')} | Z5764840`]];
      return [[asks, answer]];
    });
    const opened = await turn(chat, 'application');
    assert.match(await answerInTurn(chat, lastSaid(opened), answers), /All 14 sections of the application/);
    // The evidence asked for (the assessment's free text names an ethics approval letter), under a name with markup in it.
    const files = await FileServer.start();
    try {
      const name = `${linkedName("ethics letter")} ${hostile.emphasis[0]}.pdf`;
      const sent = await chat.post({ type: 'message', text: 'ethics approval letter', attachments: [teamsFile(name, files.serve(name, Buffer.from('%PDF-1.7\n%%EOF\n'), 'application/pdf'))] });
      assert.match(sent.sent.map((activity) => readableText(activity)).join('\n'), /Kept .* as the ethics approval letter/);
    } finally {
      await files.close();
    }
    assert.match(lastSaid(await turn(chat, 'submit application')), /Submit version 1/);
    assert.match(lastSaid(await turn(chat, 'yes')), /Submitted: version 1/);

    // Amendments: the DARS contact's comment reaches the applicant's chat as words.
    const comment = hostileProse('Say how the benefit will be measured.');
    await world.act(contact, 'application.requestAmendments', reference, { where: triage, inputs: { 'comment.expectedOutcomes': comment } });
    await world.awaitCardAbout({ person: applicant }, reference, /amendments/);
    const comments = await turn(chat, 'amend');
    assert.ok(readableText(comments[0]).includes(plainInMarkdown(comment)), readableText(comments[0]));
    const menu = await answerInTurn(chat, lastSaid(comments), [
      [/Which section do you want to change\?/, 'Expected outcomes and measurable benefits'],
      [/\*\*expected outcomes\*\*[\s\S]*Now: _/, 'keep'],
      [/\*\*measurable benefits\*\*/, hostileProse('Readmissions down 5% in two years, measured each quarter.')],
    ]);
    assert.match(menu, /Changed so far: Expected outcomes and measurable benefits/);
    assert.match(lastSaid(await turn(chat, 'resubmit')), /Resubmitted: version 2/);
    await world.act(contact, 'application.accept', reference, { where: triage, inputs: { nicNumber: 'NIC-123987-WD1A2' } });

    // Assurance: the level's reason, PAG's conditions; approval; the DSA; both signatures, names typed with markup.
    await world.act(assurance, 'assurance.confirmLevel', reference, { where: { channel: 'assurance' }, inputs: { reason: hostileProse('GP data') } });
    await world.act(pag, 'review.record', reference, { where: { channel: 'pag' }, inputs: { decision: 'supportedWithConditions', conditions: hostileProse('No GP practice may be identifiable.') } });
    await world.act(assurance, 'review.record', reference, { where: { channel: 'assurance' }, inputs: { decision: 'supported' } });
    await world.act(approver, 'approval.approve', reference);
    await world.act(contact, 'dsa.generate', reference, { inputs: { cohortFileWithinWorkingDays: '20' } });
    await world.act(contact, 'dsa.send', reference);
    await world.act(controllerSignatory, 'dsa.sign', reference, { inputs: { typedName: linkedName('Carl Controller'), authorityConfirmed: 'true' } });
    const signed = await world.act(nhseSignatory, 'dsa.sign', reference, { inputs: { typedName: `${hostile.emphasis.join(' ')} Nina Signatory`, authorityConfirmed: 'true' } });
    assert.equal((await world.record(reference)).status, 'arrangingAccess');
    assert.ok(cardText(signed).includes(`typed “${linkedName('Carl Controller')}”`), 'the typed signature is shown, as typed');

    // The words were stored as typed and shown as typed: the data controller's name on the
    // approver's and the signatory's cards, in TextRuns (which Teams does not parse).
    const state = await world.caseState(reference);
    assert.ok(JSON.stringify(state.facts.application.sections.controllersAndProcessors?.at(-1)?.content).includes(JSON.stringify(leeds)), 'the organisation is stored as typed');
    for (const person of [approver, nhseSignatory]) {
      const runs = world.connector.sentTo(person.aadObjectId).flatMap((activity) => textRuns(cardOf(activity)));
      assert.ok(runs.some((run) => run.includes(leeds)), `${person.name} was shown the organisation's name as typed`);
    }

    // Everything anyone was sent, read where Teams renders Markdown: no markup of theirs is live.
    const rendered: Rendered[] = world.connector.calls
      .filter((call) => call.path.includes('/activities'))
      .flatMap((call, index) => markdownTexts(call.body, `${call.method} #${index} to ${call.conversationId ?? '?'}`));
    const quoted = rendered.filter(({ text }) => text.includes('evil'));
    assert.ok(quoted.length >= 3, `messages quoting people's words were checked (${quoted.length})`);
    assert.deepEqual(markupProblems(rendered), []);
  });
});

/** The texts of every TextRun on a card. */
function textRuns(card: unknown): string[] {
  const runs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextRun' && typeof element.text === 'string') runs.push(element.text);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return runs;
}
