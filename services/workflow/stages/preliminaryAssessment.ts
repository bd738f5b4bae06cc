import { estimateCost } from '../../rules/charges';
import { checkSecurity } from '../../rules/security';
import type { PreliminaryAssessmentCommand } from '../commands';
import { accept, type HandlerContext, type HandlerResult } from '../decision';
import { notify, postCard, sendCard, updateCards } from '../effects';
import type { CaseState } from '../state/caseState';

/**
 * Stage 2, preliminary assessment (DOMAIN.md). The cost estimate and the security check are
 * computed here from the rules and stored in the event, so the applicant confirms funding against
 * the figures they were shown even if the tariff changes later.
 */
export function decidePreliminaryAssessment(state: CaseState, command: PreliminaryAssessmentCommand, ctx: HandlerContext): HandlerResult {
  const reference = state.reference;
  switch (command.type) {
    case 'recordPreliminaryAssessment': {
      const assessment = command.assessment;
      const costEstimate = estimateCost(
        { chargeType: assessment.charging.chargeType, accessService: assessment.accessService.service, agreementYears: assessment.charging.agreementYears, on: ctx.today },
        ctx.rules,
      );
      const securityCheck = checkSecurity(assessment.security.evidence, ctx.today, ctx.rules);
      const revised = state.facts.assessments.length > 0;
      return accept(
        [{ type: 'preliminaryAssessmentRecorded', assessmentVersion: state.facts.assessments.length + 1, assessment, costEstimate, securityCheck }],
        [
          updateCards('preliminaryAssessment'),
          sendCard('applicant', 'fundingConfirmation'),
          notify('applicant', `DARS has ${revised ? 'revised' : 'completed'} the preliminary assessment of ${reference}. Please read it and confirm how the work will be funded.`),
        ],
      );
    }
    case 'requestEarlyAdvice':
      return accept(
        [{ type: 'earlyAdviceRequested', question: command.question }],
        [postCard('assurance', 'earlyAdvice'), updateCards('preliminaryAssessment')],
      );
    case 'giveEarlyAdvice':
      return accept(
        [{ type: 'earlyAdviceGiven', advice: command.advice, likelyToBeSupported: command.likelyToBeSupported, actionsBeforeApplying: command.actionsBeforeApplying }],
        [
          updateCards('earlyAdvice', 'preliminaryAssessment'),
          notify({ channel: 'triage' }, `${reference}: assurance has given early advice.`),
          notify('applicantTeam', `Early advice on ${reference} is ready: it indicates whether your request is likely to be supported and what to do before applying.`),
        ],
      );
    case 'confirmFunding':
      return accept(
        [{ type: 'fundingConfirmed', fundingSource: command.fundingSource, paymentDetails: command.paymentDetails }],
        [updateCards('fundingConfirmation', 'preliminaryAssessment'), notify({ channel: 'triage' }, `${reference}: the applicant confirmed funding and payment details.`)],
      );
    case 'markReadyToApply':
      return accept(
        [{ type: 'readyToApply' }],
        [
          updateCards('preliminaryAssessment'),
          postCard('triage', 'takeCase'),
          notify('applicantTeam', `${reference} is ready for a formal application. A DARS contact will be allocated and will invite you to write it.`),
        ],
      );
    case 'markNotSupported':
      return accept(
        [{ type: 'assessmentNotSupported', reason: command.reason }],
        [updateCards('preliminaryAssessment', 'fundingConfirmation'), notify('applicantTeam', `DARS cannot support request ${reference}. The reason is on the case card.`)],
      );
  }
}
