import type { Client } from '@microsoft/microsoft-graph-client';

import { findUserByEmail } from '../graph/directory';

/**
 * Finding a person by email, so that staff name the data controller signatory by the address
 * they have rather than by a Microsoft Entra object id they do not. With Microsoft Graph the
 * tenant's directory answers (members and guests); in local mode a map from configuration
 * (`DARS_PEOPLE`). Either way the answer is the person's Entra object id, on which the bot later
 * authorises their signature, and their name as the directory gives it.
 */
export interface DirectoryPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

export type PersonLookup = { readonly found: DirectoryPerson } | { readonly missing: string };

export interface PeopleDirectory {
  /** One line for the start-up log: where people are looked up. */
  readonly description: string;
  /** The person with this email, or a sentence for staff saying they are not there and what to do. */
  findByEmail(email: string): Promise<PersonLookup>;
}

/** `DARS_PEOPLE`: email → { id, name }, matched without regard to case. */
export type PeopleMap = Readonly<Record<string, { readonly id: string; readonly name: string }>>;

export class StaticPeopleDirectory implements PeopleDirectory {
  readonly description: string;
  private readonly byEmail: ReadonlyMap<string, { id: string; name: string }>;

  constructor(people: PeopleMap) {
    this.byEmail = new Map(Object.entries(people).map(([email, person]) => [email.trim().toLowerCase(), { id: person.id.toLowerCase(), name: person.name }]));
    this.description = `people by email from DARS_PEOPLE (${this.byEmail.size})`;
  }

  async findByEmail(email: string): Promise<PersonLookup> {
    const person = this.byEmail.get(email.trim().toLowerCase());
    if (person) return { found: { ...person, email: email.trim() } };
    return { missing: `Nobody with the email ${email.trim()} is in DARS Bot’s directory of people (DARS_PEOPLE, local mode). Check the address, or add the person to DARS_PEOPLE and restart the bot.` };
  }
}

export class GraphPeopleDirectory implements PeopleDirectory {
  readonly description = 'people by email from Microsoft Entra ID through Graph';

  constructor(private readonly client: Client) {}

  async findByEmail(email: string): Promise<PersonLookup> {
    const address = email.trim();
    const user = await findUserByEmail(this.client, address);
    // A signatory must be someone the bot can reach and authorise in this tenant: a member, or
    // someone from another organisation invited as a guest (Microsoft's documented way in).
    if (!user) return { missing: notInTenant(address) };
    return { found: { id: user.id.toLowerCase(), name: user.displayName ?? address, email: address } };
  }
}

export function notInTenant(email: string): string {
  return `Nobody with the email ${email} is in this organisation’s Microsoft Entra directory (the tenant), so DARS Bot cannot send them the agreement to sign. ` +
    'If they work for another organisation, ask your Microsoft 365 administrator to invite them as a guest (Microsoft Entra admin centre: Users, Invite external user). ' +
    'Once they have accepted the invitation, record the assessment again with the same email.';
}
