import { defaultRules } from '../services/domain/rules/defaultRules';
import { shownFingerprint, type CaseState } from '../services/domain/workflow';
import { momentOf } from './frame/cardText';
import { documentLinkData, permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/serviceAgreementSignature.json';
import { latestAssessment } from './views/assessmentView';
import { organisationFor } from './views/signaturesView';
import type { CardActionContext } from './actions/cardActionContext';
import type { CardInputs } from './actions/cardInputs';
import { signatureLabels, type CardVerbs } from './actions/verbSpec';

/**
 * The data controller signatory's service agreement card (DOMAIN stage 6), signed the way the DSA
 * is. The agreement is the access service's standard document, which the case does not record:
 * the caller passes it (`options.serviceAgreementDocument`), and without it there is nothing to
 * bind a signature to, so no button is shown.
 */
export function serviceAgreementSignatureCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const rules = options.rules ?? defaultRules;
  const agreement = state.facts.access?.serviceAgreement;
  const document = options.serviceAgreementDocument;
  const service = latestAssessment(state)?.assessment.accessService.service ?? 'secureDataEnvironment';
  const organisation = organisationFor(state, 'dataController');
  const signed = agreement?.signed;
  const canSign = permitted(state, viewer)('signServiceAgreement') && agreement?.required === true && !signed && document !== undefined;
  const standing = signed
    ? { standing: `Signed by ${signed.by.name} (typed “${signed.typedName}”) on ${momentOf(signed.at)}; SHA-256 ${signed.documentHash}.`, standingStyle: 'good' }
    : !agreement ? { standing: 'The service agreement is signed once the DSA is in force.', standingStyle: 'default' }
      : !agreement.required ? { standing: 'This access service needs no service agreement.', standingStyle: 'default' }
        : document ? { standing: 'Waiting for the data controller signatory to sign.', standingStyle: 'warning' }
          : { standing: 'The service agreement document is not available yet; DARS will send it.', standingStyle: 'warning' };
  return fitToBudget(() =>
    frameCard(
      template,
      {
        intro: `The service agreement for ${rules.charges.accessServices[service].name}, between NHS England and ${organisation}, sets how the data may be used there.`,
        ...standing,
        organisation,
        document: document && !signed ? { name: document.documentName, hash: document.contentHash } : { name: '', hash: '' },
        documentLink: documentLinkData(options),
        can: { sign: canSign },
        shown: shownFingerprint(state, 'signServiceAgreement') ?? '',
      },
      { state, viewer, now, options, title: 'Sign the service agreement', card: 'serviceAgreementSignature', actions: ['signServiceAgreement'] },
    ),
  );
}

export const serviceAgreementSignatureVerbs = {
  'serviceAgreement.sign': { command: 'signServiceAgreement', build: signServiceAgreement, labels: signatureLabels },
} as const satisfies CardVerbs;

function signServiceAgreement(inputs: CardInputs, context: CardActionContext): Record<string, unknown> {
  if (!context.serviceAgreementDocument) inputs.problems.push('“Service agreement”: the agreement document is not available to sign');
  return { typedName: inputs.text('typedName'), authorityConfirmed: inputs.flag('authorityConfirmed'), documentHash: context.serviceAgreementDocument?.contentHash };
}
