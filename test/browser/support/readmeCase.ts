import { dsaEnd, dsaStart, dsptPublished, spokenDate } from '../../teams/support/applicantJourney';

/**
 * The case of the README's "Try it as every person", as Priya types it in her window: each answer
 * with what the bot shows next (the question it answers must be on screen before the next one is
 * typed). Patterns are the visible text of the bot's questions, without their Markdown.
 */

export const readmeEnquiry: ReadonlyArray<readonly [string, RegExp]> = [
  ['new enquiry', /Which NHS England datasets/],
  ['HES Admitted Patient Care, civil registration deaths', /Which period/],
  ['April 2019 to March 2024', /what level/i],
  ['pseudonymised', /Part 2 of 4/],
  ['We want to measure 30-day emergency readmissions after hip replacement by trust, so that trusts can compare outcomes and improve care.', /Part 3 of 4/],
  ['Example NHS Trust - data controller; Example University - data processor', /Part 4 of 4/],
  ['ready to apply', /By what date/],
  ['1 March 2027', /Here is your enquiry/],
];

/** A question's words, with or without bold between them (the playground shows Markdown raw beside suggested actions). */
const words = (pattern: RegExp): RegExp => new RegExp(pattern.source.replace(/ /g, '[\\s*]+'), pattern.flags);

/** Every section of the application (dialogs/application/sections/), after `application`. */
export const readmeApplication: ReadonlyArray<readonly [string, RegExp]> = ([
  ['application', /What is the aim of the processing/],
  ['Measure emergency readmission within 30 days of elective hip replacement, by trust.', /How will the data achieve that aim/],
  ['Linked admitted patient care records and deaths show each readmission and death after the operation.', /Who are the data subjects/],
  ['Adults with an elective hip replacement in England, 2019 to 2024; no control group.', /part of a wider programme/],
  ['none', /Describe the processing activities/],
  ['Two analysts at Example University analyse the data in the NHS England Secure Data Environment; only aggregate outputs with small numbers suppressed leave it.', /What are the expected outcomes/],
  ['A peer-reviewed paper and a report to NHS trusts.', /What are the measurable benefits/],
  ['Guidance that reduces readmissions by 5% within two years.', /any commercial purpose/],
  ['no', /Which datasets do you need/],
  ['HES Admitted Patient Care, Civil Registration (Deaths)', /At what level do you need the data/],
  ['pseudonymised', /Which years of data/],
  ['2019/20 to 2023/24', /Which filters narrow the data/],
  ['OPCS procedure codes W37 to W39, patients aged 18 and over', /Which fields/i],
  ['Admission date; Procedure code; Date of death', /under 16/],
  ['no', /List the data controllers and processors/],
  ['Example NHS Trust | data controller | 1 Example Road, Leeds LS1 1AA | Z5764840', /Which UK GDPR Article 6/],
  ['6(1)(e) public task', /Which UK GDPR Article 9/],
  ['9(2)(j) research', /common law duty of confidentiality/],
  ['not applicable', /need ethical approval/],
  ['yes', /Which committee approved it/],
  ['Leeds East REC, 24/YH/0001', /security assured/],
  ['DSPT', /DSPT organisation code/],
  ['EE133863', /status of the latest DSPT/],
  ['Standards Met', /When was that DSPT assessment published/],
  [spokenDate(dsptPublished), /Where will the data be stored and processed/],
  ['NHS England Secure Data Environment', /stored in the cloud/],
  ['no', /outside the UK/],
  ['no', /In which territory/],
  ['England and Wales', /national data opt-out be applied/],
  ['yes', /privacy notice/],
  ['https://www.example-trust.nhs.example/privacy/hip-readmission', /sub-licensed/],
  ['no', /shared onward/],
  ['none', /Data Sharing Agreement start/],
  [spokenDate(dsaStart), /When should it end/],
  [spokenDate(dsaEnd), /Which best describes the use/],
  ['other', /All 14 sections/],
  ['submit application', /Submit version 1/],
  ['yes', /Submitted: version 1/],
] as const).map(([typed, next]) => [typed, words(next)] as const);
