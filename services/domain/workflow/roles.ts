/**
 * Who may act. Staff roles come from the directory (one Entra group per role, or the static map
 * in local mode); case-bound roles come from the case itself, matched on the actor's Entra object
 * id — never on anything a card sent back.
 */
export const staffRoles = ['staff', 'assurance', 'agd', 'pag', 'approver', 'nhseSignatory'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const caseBoundRoles = ['applicant', 'applicantMember', 'darsContact', 'dataControllerSignatory'] as const;
export type CaseBoundRole = (typeof caseBoundRoles)[number];

export type CaseRole = StaffRole | CaseBoundRole;
export const caseRoles: readonly CaseRole[] = [...staffRoles, ...caseBoundRoles];

/** The person behind a Teams activity: `id` is the Entra `aadObjectId`. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly StaffRole[];
}

/** A person as events and the case record them. */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
}

export const roleNames: Readonly<Record<CaseRole, string>> = {
  staff: 'DARS staff',
  assurance: 'assurance reviewers',
  agd: 'the Advisory Group for Data (AGD)',
  pag: 'the Profession Advisory Group (PAG)',
  approver: 'an approver',
  nhseSignatory: 'an NHS England signatory',
  applicant: 'the applicant',
  applicantMember: 'a member of the applicant’s team',
  darsContact: 'the DARS contact',
  dataControllerSignatory: 'the data controller signatory',
};

export function personOf(actor: Actor): PersonRef {
  return { id: actor.id, name: actor.name };
}
