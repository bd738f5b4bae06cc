import { z } from 'zod';
import { isIsoDate } from '../../calendar/isoDate';

/**
 * Field schemas shared by commands. Each carries a message that tells a person what is
 * expected, since a malformed command is refused with the field's path and this message.
 */
export const text = (what: string, max = 4000) =>
  z.string().trim().min(1, `give ${what}`).max(max, `${what} is too long (at most ${max} characters)`);

export const entraId = z.string().regex(/^[0-9a-f-]{36}$/i, 'an Entra object id (a GUID)');

export const personRef = z.object({ id: entraId, name: text('the person’s name', 200) });

export const isoDate = z.string().refine(isIsoDate, 'a date written YYYY-MM-DD');

export const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 lowercase hexadecimal characters');

export const email = z.email('an email address');

export const signatoryParties = ['nhse', 'dataController'] as const;
export type SignatoryParty = (typeof signatoryParties)[number];

export const partyNames: Readonly<Record<SignatoryParty, string>> = {
  nhse: 'the NHS England signatory',
  dataController: 'the data controller signatory',
};

/** A signature on a card: the typed full name and a confirmation of authority. */
export const signatureFields = {
  typedName: text('your full name, typed as your signature', 200),
  authorityConfirmed: z.literal(true, 'confirm that you are authorised to sign'),
  documentHash: sha256,
};
