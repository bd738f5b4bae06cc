import assert from 'node:assert/strict';
import { decide, evolve, type Actor, type CaseCommand, type CaseState, type CaseStatus } from '../../../services/domain/workflow';
import { withCards, type PresentedAcceptance as Acceptance, type PresentedDecision as Decision } from '../../../cards/cardsShowing';
import type { RulesConfig } from '../../../services/domain/rules/config';
import { abe, ada, asha, carl, dana, gus, mo, nina, pat, sam } from './people';
import { assessment, enquiry, ethicsLetter, generateDsa, HASH_A, NIC, REFERENCE, saveAllSections, sections, START } from './data';

/**
 * Drives a case through decide + evolve the way the store will: each accepted decision's events
 * are folded into the state. `do` insists on acceptance (so a broken step fails loudly where it
 * happens); `attempt` returns whatever decide says.
 */
export class CaseDriver {
  state: CaseState | undefined;
  now: Date;
  private activity = 0;
  readonly decisions: Decision[] = [];

  constructor(state?: CaseState, now: Date = START, private readonly rules?: RulesConfig) {
    this.state = state;
    this.now = now;
  }

  attempt(actor: Actor, command: CaseCommand): Decision {
    this.activity += 1;
    // As the store decides: the workflow's decision with the cards that show it (cards/cardsShowing.ts).
    const decision = withCards(this.state, decide(this.state, command, { actor, activityId: `activity-${this.activity}`, now: this.now, ...(this.rules ? { rules: this.rules } : {}) }));
    this.decisions.push(decision);
    if (decision.outcome === 'accepted') this.state = decision.events.reduce<CaseState | undefined>(evolve, this.state);
    return decision;
  }

  do(actor: Actor, command: CaseCommand): Acceptance {
    const decision = this.attempt(actor, command);
    if (decision.outcome !== 'accepted') assert.fail(`${actor.name} could not ${command.type}: [${decision.code}] ${decision.reason}`);
    return decision;
  }

  /** Moves time on by calendar days (events carry their own times). */
  advanceDays(days: number): this {
    this.now = new Date(this.now.getTime() + days * 86_400_000);
    return this;
  }

  get case(): CaseState {
    assert.ok(this.state, 'the case exists');
    return this.state;
  }

  clone(): CaseDriver {
    return new CaseDriver(this.state, this.now, this.rules);
  }
}

/**
 * The standard test case: GP data and a novel use, so it needs all three reviews (assurance at
 * Complex level, AGD, PAG), a cohort file and a service agreement. `caseAt(status)` drives it to
 * any status; each step is a real decision.
 */
const steps: Readonly<Record<Exclude<CaseStatus, 'new'>, (d: CaseDriver) => void>> = {
  enquiryUnderReview: (d) => {
    d.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry({ gpData: true }) });
    d.do(ada, { type: 'inviteApplicantMember', member: { id: mo.id, name: mo.name } });
  },
  awaitingEnquiryInformation: (d) => {
    steps.enquiryUnderReview(d);
    d.do(sam, { type: 'requestInformation', question: 'Which years of data do you need?' });
  },
  assessing: (d) => {
    steps.enquiryUnderReview(d);
    d.do(sam, { type: 'acceptEnquiry' });
  },
  awaitingEarlyAdvice: (d) => {
    steps.assessing(d);
    d.do(sam, { type: 'requestEarlyAdvice', question: 'Is linking GP data to readmissions contentious?' });
  },
  awaitingFundingConfirmation: (d) => {
    steps.assessing(d);
    d.do(sam, { type: 'recordPreliminaryAssessment', assessment: assessment({ novel: true }) });
  },
  assessmentComplete: (d) => {
    steps.awaitingFundingConfirmation(d);
    d.do(ada, {
      type: 'confirmFunding',
      fundingSource: 'NIHR grant NIHR123456',
      paymentDetails: { invoiceContact: { name: 'Finance Office', email: 'finance@leeds.example.ac.uk' }, billingAddress: 'Leeds LS2 9JT' },
    });
  },
  awaitingDarsContact: (d) => {
    steps.assessmentComplete(d);
    d.do(sam, { type: 'markReadyToApply' });
  },
  drafting: (d) => {
    steps.awaitingDarsContact(d);
    d.do(sam, { type: 'allocateDarsContact', contact: { id: dana.id, name: dana.name } });
    for (const save of saveAllSections(sections({ gpData: true }))) d.do(ada, save);
    // The assessment asks for ethics approval: the applicant attaches the letter, as submission needs.
    d.do(ada, ethicsLetter);
  },
  underAcceptanceReview: (d) => {
    steps.drafting(d);
    d.do(ada, { type: 'submitApplication' });
  },
  amendmentsRequested: (d) => {
    steps.underAcceptanceReview(d);
    d.do(dana, { type: 'requestAmendments', comments: [{ section: 'expectedOutcomes', comment: 'Say how the benefit will be measured.' }] });
  },
  levelToConfirm: (d) => {
    steps.underAcceptanceReview(d);
    d.do(dana, { type: 'acceptApplication', nicNumber: NIC });
  },
  inReview: (d) => {
    steps.levelToConfirm(d);
    d.do(dana, { type: 'confirmAssuranceLevel', level: 'complex' });
  },
  awaitingAdditionalAssurance: (d) => {
    steps.inReview(d);
    d.do(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'additionalAssuranceNeeded', actions: ['Explain how re-identification is prevented.'] } });
  },
  awaitingApproval: (d) => {
    steps.inReview(d);
    d.do(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } });
    d.do(gus, { type: 'recordReview', review: 'agd', outcome: { decision: 'supportedWithConditions', conditions: ['Publish the results openly.'] } });
    d.do(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'supported' } });
  },
  dsaToGenerate: (d) => {
    steps.awaitingApproval(d);
    d.do(abe, { type: 'approve' });
  },
  dsaGenerated: (d) => {
    steps.dsaToGenerate(d);
    d.do(dana, generateDsa(HASH_A));
  },
  awaitingSignatures: (d) => {
    steps.dsaGenerated(d);
    d.do(dana, { type: 'sendDsa' });
  },
  dsaDeclined: (d) => {
    steps.awaitingSignatures(d);
    d.do(carl, { type: 'declineDsa', party: 'dataController', reason: 'Clause 4 names the wrong department.' });
  },
  arrangingAccess: (d) => {
    steps.awaitingSignatures(d);
    d.do(nina, { type: 'signDsa', party: 'nhse', typedName: 'Nina Signatory', authorityConfirmed: true, documentHash: HASH_A });
    d.do(carl, { type: 'signDsa', party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: HASH_A });
  },
  accessArranged: (d) => {
    steps.arrangingAccess(d);
    completeAccessItems(d);
    d.do(dana, { type: 'arrangeAccess' });
  },
  enquiryDeclined: (d) => {
    steps.enquiryUnderReview(d);
    d.do(sam, { type: 'declineEnquiry', reason: 'The data is published openly.', alternatives: ['NHS England open data portal'] });
  },
  notSupported: (d) => {
    steps.assessing(d);
    d.do(sam, { type: 'markNotSupported', reason: 'The purpose is not health or care.' });
  },
  withdrawn: (d) => {
    steps.enquiryUnderReview(d);
    d.do(ada, { type: 'withdraw', reason: 'Funding was not awarded.' });
  },
  closed: (d) => {
    steps.enquiryUnderReview(d);
    d.do(sam, { type: 'close', reason: 'No reply from the applicant for six months.' });
  },
};

export function completeAccessItems(d: CaseDriver): void {
  d.do(carl, { type: 'signServiceAgreement', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: HASH_A });
  d.do(dana, { type: 'cohortFileDue', dueDate: '2026-06-15' });
  d.do(ada, { type: 'receiveCohortFile', fileName: `${NIC}_cohort.csv`, rows: 250, contentHash: 'd'.repeat(64), failingRows: 0 });
}

const cache = new Map<CaseStatus, CaseState | undefined>();

/** A driver holding the standard case at a status (built once per status, then copied). */
/** Drives `driver` (e.g. one that records its commands) to `status`, uncached. */
export function driveTo(status: CaseStatus, driver: CaseDriver): CaseDriver {
  if (status !== 'new') steps[status](driver);
  return driver;
}

export function caseAt(status: CaseStatus): CaseDriver {
  if (!cache.has(status)) {
    const driver = new CaseDriver();
    if (status !== 'new') steps[status](driver);
    assert.equal(driver.state?.status ?? 'new', status, `the fixture reaches ${status}`);
    cache.set(status, driver.state);
  }
  return new CaseDriver(cache.get(status));
}
