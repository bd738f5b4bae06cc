import { estimateCost } from '../../rules/charges';
import { checkSecurity } from '../../rules/security';
import type { PreliminaryAssessmentCommand } from '../commands';
import { accept, type HandlerContext, type HandlerResult } from '../decision';
import { postCard, sendCard, updateCards } from '../effects';
import type { CaseState } from '../state/caseState';

/**
 * Stage 2, preliminary assessment (DOMAIN.md). The cost estimate and the security check are
 * computed here from the rules and stored in the event, so the applicant confirms funding against
 * the figures they were shown even if the tariff changes later.
 */
export function decidePreliminaryAssessment(state: CaseState, command: PreliminaryAssessmentCommand, ctx: HandlerContext): HandlerResult {
  switch (command.type) {
    case 'recordPreliminaryAssessment': {
      const assessment = command.assessment;
      const costEstimate = estimateCost(
        { chargeType: assessment.charging.chargeType, accessService: assessment.accessService.service, agreementYears: assessment.charging.agreementYears, on: ctx.today },
        ctx.rules,
      );
      const securityCheck = checkSecurity(assessment.security.evidence, ctx.today, ctx.rules);
      return accept(
        [{ type: 'preliminaryAssessmentRecorded', assessmentVersion: state.facts.assessments.length + 1, assessment, costEstimate, securityCheck }],
        [
          updateCards('preliminaryAssessment'),
          sendCard('applicant', 'fundingConfirmation'),
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
        [{
          type: 'earlyAdviceGiven',
          advice: command.advice,
          likelyToBeSupported: command.likelyToBeSupported,
          actionsBeforeApplying: command.actionsBeforeApplying,
          ...(command.shareWithApplicant === true ? { sharedWithApplicant: true } : {}),
        }],
        [
          updateCards('earlyAdvice', 'preliminaryAssessment'),
        ],
      );
    case 'confirmFunding':
      return accept(
        [{ type: 'fundingConfirmed', fundingSource: command.fundingSource, paymentDetails: command.paymentDetails }],
        [updateCards('fundingConfirmation', 'preliminaryAssessment')],
      );
    case 'markReadyToApply':
      return accept(
        [{ type: 'readyToApply' }],
        [
          updateCards('preliminaryAssessment'),
          postCard('triage', 'takeCase'),
        ],
      );
    case 'markNotSupported':
      return accept(
        [{ type: 'assessmentNotSupported', reason: command.reason }],
        [updateCards('preliminaryAssessment', 'fundingConfirmation')],
      );
  }
}
