import type { EventOf } from '../events';
import type { CaseState } from '../state/caseState';
import { stampOf, withFacts } from './helpers';

export function evolveEvidence(state: CaseState, event: EventOf<'evidenceAttached'>): CaseState {
  const file = { fileId: event.fileId, kind: event.kind, fileName: event.fileName, size: event.size, sha256: event.sha256, attached: stampOf(event) };
  return withFacts(state, { evidence: [...(state.facts.evidence ?? []), file] });
}
