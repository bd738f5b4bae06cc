import { referencePattern } from './journey/caseChoice';

/**
 * What a message in the 1:1 chat asks for, when no conversation is under way. Pure: the root
 * dialog acts on the route. A case reference anywhere in the message ("withdraw DARS-2026-00042")
 * picks that case.
 */
export type JourneyName = 'answer' | 'funding' | 'application' | 'submitApplication' | 'amend' | 'assurance' | 'cohortFile' | 'evidence' | 'withdraw';

export type Route =
  | { readonly kind: 'enquiry' | 'status' | 'help' | 'cancel' }
  | { readonly kind: 'history'; readonly reference?: string }
  | { readonly kind: 'journey'; readonly journey: JourneyName; readonly reference?: string; readonly rest?: string }
  | { readonly kind: 'other'; readonly text: string };

const journeys: readonly (readonly [RegExp, JourneyName])[] = [
  [/^(answer|reply|answer (the |dars'?s? |a )?question)$/, 'answer'],
  [/^(funding|confirm funding|confirm (the )?funding( and payment( details)?)?|payment|payment details)$/, 'funding'],
  [/^(submit|resubmit|(re)?submit (my |the )?application)$/, 'submitApplication'],
  [/^(amend|amendments|amend (my |the )?application)$/, 'amend'],
  [/^(assurance|additional assurance|respond to (additional )?assurance|assurance response)$/, 'assurance'],
  [/^(cohort|cohort file|(send|upload) (the |my |a )?cohort( file)?)$/, 'cohortFile'],
  [/^(evidence|(send|attach|add) (the |my |some )?evidence|evidence checklist)$/, 'evidence'],
  [/^(withdraw|withdraw (my |the )?(case|enquiry|application|request))$/, 'withdraw'],
];

const application = /^(?:(?:continue|write|edit|change|fill in|fill|carry on with)\s+)?(?:my |the )?application(?:\s+(.+))?$/;

export function routeOf(typed: string): Route {
  const reference = referencePattern.exec(typed)?.[0]?.toUpperCase();
  const text = typed.replace(referencePattern, ' ').toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '').trim();
  const withReference = reference ? { reference } : {};
  if (/^(new enquiry|new|enquiry|start|make an enquiry|apply)$/.test(text)) return { kind: 'enquiry' };
  if (/^(status|my cases|cases|my case|case status)$/.test(text)) return { kind: 'status' };
  if (/^(history|case history|my history|show (the |my )?history)$/.test(text)) return { kind: 'history', ...withReference };
  if (text === 'help' || text === '?') return { kind: 'help' };
  if (text === 'cancel') return { kind: 'cancel' };
  const found = journeys.find(([pattern]) => pattern.test(text));
  if (found) return { kind: 'journey', journey: found[1], ...withReference };
  const applying = application.exec(text);
  if (applying) return { kind: 'journey', journey: 'application', ...withReference, ...(applying[1] ? { rest: applying[1] } : {}) };
  return { kind: 'other', text: typed.trim() };
}

/** A message long enough to be an answer to DARS's question rather than a greeting or a slip. */
export function couldBeAnAnswer(text: string): boolean {
  return text.trim().split(/\s+/).length >= 4;
}
