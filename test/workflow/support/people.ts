import type { Actor, CaseRole } from '../../../services/domain/workflow';

/** The cast of the workflow tests: one person per role, each with a stable Entra object id. */
const id = (n: number): string => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ada: Actor = { id: id(1), name: 'Ada Applicant', roles: [] };
export const mo: Actor = { id: id(2), name: 'Mo Member', roles: [] };
export const sam: Actor = { id: id(3), name: 'Sam Staff', roles: ['staff'] };
/** The DARS contact; holds no directory role here so tests see the case-bound role alone. */
export const dana: Actor = { id: id(4), name: 'Dana Contact', roles: [] };
export const asha: Actor = { id: id(5), name: 'Asha Assurance', roles: ['assurance'] };
export const gus: Actor = { id: id(6), name: 'Gus AGD', roles: ['agd'] };
export const pat: Actor = { id: id(7), name: 'Pat PAG', roles: ['pag'] };
export const abe: Actor = { id: id(8), name: 'Abe Approver', roles: ['approver'] };
export const nina: Actor = { id: id(9), name: 'Nina NHSE Signatory', roles: ['nhseSignatory'] };
export const carl: Actor = { id: id(10), name: 'Carl Controller', roles: [] };
export const oscar: Actor = { id: id(11), name: 'Oscar Outsider', roles: [] };
export const rita: Actor = { id: id(12), name: 'Rita Reassigned', roles: ['staff'] };
export const newcomer: Actor = { id: id(13), name: 'Nell Newcomer', roles: [] };

/** Who plays each role in the generated permission tests. */
export const actorFor: Readonly<Record<CaseRole, Actor>> = {
  staff: sam,
  assurance: asha,
  agd: gus,
  pag: pat,
  approver: abe,
  nhseSignatory: nina,
  applicant: ada,
  applicantMember: mo,
  darsContact: dana,
  dataControllerSignatory: carl,
};
