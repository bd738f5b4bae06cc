import { caseCommandSchema, parseCommand, type CardName, type CommandType, type ParsedCommand } from '../services/domain/workflow';
import { assessmentCommand, assessmentLabels } from './actions/assessmentCommand';
import { CardInputs, type CardData } from './actions/cardInputs';
import { dsaTermsCandidate, dsaTermsLabels } from './actions/dsaTermsInputs';
import { describeIssues, pleaseCheck } from './actions/problems';
import type { CardActionContext } from './actions/cardActionContext';

export type { CardActionContext } from './actions/cardActionContext';

/**
 * Every button on a case card: its verb (Action.Execute `verb`, or `data.verb` in the
 * Action.Submit fallback), the card it sits on, the workflow command it issues, and how the
 * card's inputs become that command. Card data carries only `caseId`, `version` and the inputs —
 * plus, on a card shown to one of several reviews or signatories, which one (`review`, `party`),
 * which the workflow's permission table checks against the clicker's own roles, and a
 * fingerprint of what it showed (`shown`), so that parallel work elsewhere on the case does not
 * make it stale.
 */
interface VerbSpec {
  /**
   * The card the button sits on: what a click is answered with when its data does not name the
   * card (cards posted before buttons carried `card`) and the clicked card is not on record.
   */
  readonly card: CardName;
  readonly command: CommandType;
  readonly build: (inputs: CardInputs, context: CardActionContext, data: CardData) => Record<string, unknown>;
  /** The card's label for each command field, so a problem names what the person sees. */
  readonly labels?: Readonly<Record<string, string>>;
}

const signatureLabels = { typedName: 'Type your full name as your signature', authorityConfirmed: 'I am authorised to sign', party: 'Signatory' };
const reasonLabel = (label: string) => ({ reason: label });

export const cardVerbs = {
  'enquiry.requestInformation': { card: 'enquiryReview', command: 'requestInformation', build: (i) => ({ question: i.text('question') }), labels: { question: 'Your question to the applicant' } },
  'enquiry.decline': { card: 'enquiryReview', command: 'declineEnquiry', build: (i) => ({ reason: i.text('reason'), alternatives: i.lines('alternatives') }), labels: { reason: 'Why DARS cannot help', alternatives: 'Where else they could go' } },
  'enquiry.accept': { card: 'enquiryReview', command: 'acceptEnquiry', build: () => ({}) },
  'assessment.record': { card: 'preliminaryAssessment', command: 'recordPreliminaryAssessment', build: (i, context) => assessmentCommand(i, context.signatory), labels: assessmentLabels },
  'assessment.requestEarlyAdvice': { card: 'preliminaryAssessment', command: 'requestEarlyAdvice', build: (i) => ({ question: i.text('question') }), labels: { question: 'What should assurance advise on?' } },
  'assessment.readyToApply': { card: 'preliminaryAssessment', command: 'markReadyToApply', build: () => ({}) },
  'assessment.notSupported': { card: 'preliminaryAssessment', command: 'markNotSupported', build: (i) => ({ reason: i.text('reason') }), labels: reasonLabel('Why the request cannot be supported') },
  'earlyAdvice.give': { card: 'earlyAdvice', command: 'giveEarlyAdvice', build: earlyAdvice, labels: { advice: 'Your advice', likelyToBeSupported: 'Is the use likely to be supported?', actionsBeforeApplying: 'What the applicant should do before applying' } },
  'funding.confirm': {
    card: 'fundingConfirmation',
    command: 'confirmFunding',
    build: (i) => ({
      fundingSource: i.text('fundingSource'),
      paymentDetails: {
        ...(i.optional('purchaseOrderNumber') ? { purchaseOrderNumber: i.optional('purchaseOrderNumber') } : {}),
        invoiceContact: { name: i.text('invoiceName'), email: i.text('invoiceEmail').trim() },
        billingAddress: i.text('billingAddress'),
      },
    }),
    labels: { fundingSource: 'Source of funding', 'paymentDetails.purchaseOrderNumber': 'Purchase order number', 'paymentDetails.invoiceContact.name': 'Who should receive the invoice', 'paymentDetails.invoiceContact.email': 'Their email', 'paymentDetails.billingAddress': 'Billing address' },
  },
  'case.take': { card: 'takeCase', command: 'allocateDarsContact', build: () => ({}) },
  'case.takeOver': { card: 'takeCase', command: 'allocateDarsContact', build: () => ({ replace: true }) },
  'application.requestAmendments': {
    card: 'applicationReview',
    command: 'requestAmendments',
    build: (i) => ({ comments: i.withPrefix('comment.').filter(([, comment]) => comment.trim() !== '').map(([section, comment]) => ({ section, comment })) }),
    // The card's per-section button, so the problem names what the reviewer sees.
    labels: { comments: 'Request changes' },
  },
  'application.accept': { card: 'applicationReview', command: 'acceptApplication', build: acceptApplication, labels: { nicNumber: 'Existing NIC number (leave empty for a new one)' } },
  'assurance.confirmLevel': { card: 'assuranceLevel', command: 'confirmAssuranceLevel', build: (i) => ({ level: i.text('level'), ...(i.optional('reason') ? { reason: i.optional('reason') } : {}) }), labels: { level: 'Assurance level', reason: 'Reason for the change' } },
  'review.record': { card: 'review', command: 'recordReview', build: reviewOutcome, labels: { review: 'Review', 'outcome.conditions': 'Conditions', 'outcome.actions': 'Actions for the applicant', 'outcome.reason': 'Reason' } },
  'approval.approve': { card: 'approval', command: 'approve', build: () => ({}) },
  'dsa.generate': { card: 'dsa', command: 'generateDsa', build: generateDsa, labels: Object.fromEntries(Object.entries(dsaTermsLabels).map(([key, label]) => [`terms.${key}`, label])) },
  'dsa.send': { card: 'dsa', command: 'sendDsa', build: () => ({}) },
  'dsa.sign': { card: 'dsaSignature', command: 'signDsa', build: signDsa, labels: signatureLabels },
  'dsa.decline': { card: 'dsaSignature', command: 'declineDsa', build: (i, _c, data) => ({ party: data.party, reason: i.text('reason') }), labels: { ...reasonLabel('Why you cannot sign'), party: 'Signatory' } },
  'serviceAgreement.sign': { card: 'serviceAgreementSignature', command: 'signServiceAgreement', build: signServiceAgreement, labels: signatureLabels },
  'cohortFile.setDue': { card: 'cohortFile', command: 'cohortFileDue', build: (i) => ({ dueDate: i.text('dueDate').trim() }), labels: { dueDate: 'Cohort file due by' } },
  'access.arrange': { card: 'caseStatus', command: 'arrangeAccess', build: () => ({}) },
  'case.withdraw': { card: 'caseStatus', command: 'withdraw', build: (i) => ({ reason: i.text('reason') }), labels: reasonLabel('Why you are withdrawing') },
  'case.close': { card: 'caseStatus', command: 'close', build: (i) => ({ reason: i.text('reason') }), labels: reasonLabel('Why DARS is closing the case') },
} as const satisfies Record<string, VerbSpec>;

export type CardVerb = keyof typeof cardVerbs;

/** Not a decision: Teams asks for the card again (Universal Actions refresh); data { caseId, card, review?, party? }. */
export const refreshVerb = 'card.refresh';

export function isCardVerb(verb: string): verb is CardVerb {
  return Object.hasOwn(cardVerbs, verb);
}

/**
 * The workflow command a card button asks for, built from the submitted inputs and validated by
 * the workflow's own schema — or a sentence naming each field to fix, in the card's words.
 */
export function commandFromCardAction(verb: string, data: CardData, context: CardActionContext = {}): ParsedCommand {
  if (!isCardVerb(verb)) return { ok: false, problem: `DARS Bot does not know the card action “${verb}”.` };
  const spec: VerbSpec = cardVerbs[verb];
  const inputs = new CardInputs(data);
  const candidate = { ...spec.build(inputs, context, data), type: spec.command };
  const checked = caseCommandSchema.safeParse(candidate);
  const problems = [...inputs.problems, ...(checked.success ? [] : describeIssues(checked.error.issues, spec.labels ?? {}))];
  if (problems.length > 0) return { ok: false, problem: pleaseCheck(onePerField(problems)) };
  return parseCommand(candidate);
}

/** The first problem with each field: one input can break several parts of a command (an email the directory answers for). */
function onePerField(problems: readonly string[]): string[] {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const field = /^“[^”]*”(, line \d+)?:/.exec(problem)?.[0] ?? problem;
    if (!byField.has(field)) byField.set(field, problem);
  }
  return [...byField.values()];
}

/** The NIC number the bot took for the case (issued, or claimed as entered); else what was typed, for the schema to check. */
function acceptApplication(inputs: CardInputs, context: CardActionContext): Record<string, unknown> {
  return { nicNumber: context.nicNumber ?? inputs.text('nicNumber').trim().toUpperCase() };
}

function earlyAdvice(inputs: CardInputs): Record<string, unknown> {
  const likely = inputs.text('likelyToBeSupported');
  if (likely !== 'true' && likely !== 'false') inputs.problems.push('“Is the use likely to be supported?”: choose one of the options');
  return { advice: inputs.text('advice'), likelyToBeSupported: likely === 'true', actionsBeforeApplying: inputs.lines('actionsBeforeApplying'), shareWithApplicant: inputs.flag('shareWithApplicant') };
}

function reviewOutcome(inputs: CardInputs, _context: CardActionContext, data: CardData): Record<string, unknown> {
  const decision = inputs.text('decision');
  const review = data.review;
  switch (decision) {
    case 'supported': return { review, outcome: { decision } };
    case 'supportedWithConditions': return { review, outcome: { decision, conditions: inputs.lines('conditions') } };
    case 'additionalAssuranceNeeded': return { review, outcome: { decision, actions: inputs.lines('actions') } };
    case 'notSupported': return { review, outcome: { decision, reason: inputs.text('reason') } };
    default:
      inputs.problems.push('“Outcome”: choose supported, supported with conditions, additional assurance needed or not supported');
      return { review, outcome: { decision: 'supported' } };
  }
}

function generateDsa(inputs: CardInputs, context: CardActionContext): Record<string, unknown> {
  if (!context.dsaDocument) inputs.problems.push('“DSA document”: the document must be generated from the case before the command is built');
  return { contentHash: context.dsaDocument?.contentHash, documentName: context.dsaDocument?.documentName, terms: dsaTermsCandidate(inputs) };
}

/**
 * The hash signed is the stored DSA's. It is the one the card showed: the card's fingerprint
 * covers the document's hash, and a click whose fingerprint no longer matches the case is
 * answered with the current card before any decision (the workflow's `isStaleCard`).
 */
function signDsa(inputs: CardInputs, context: CardActionContext, data: CardData): Record<string, unknown> {
  const state = context.state;
  if (!state?.facts.dsa) inputs.problems.push('“DSA”: there is no DSA on this case to sign');
  return { party: data.party, typedName: inputs.text('typedName'), authorityConfirmed: inputs.flag('authorityConfirmed'), documentHash: state?.facts.dsa?.contentHash };
}

function signServiceAgreement(inputs: CardInputs, context: CardActionContext): Record<string, unknown> {
  if (!context.serviceAgreementDocument) inputs.problems.push('“Service agreement”: the agreement document is not available to sign');
  return { typedName: inputs.text('typedName'), authorityConfirmed: inputs.flag('authorityConfirmed'), documentHash: context.serviceAgreementDocument?.contentHash };
}
