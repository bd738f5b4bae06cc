import { z } from 'zod';
import { isIsoDate } from '../../calendar/isoDate';
import { hiddenCharacterProblem } from '../../text/hiddenCharacters';

/**
 * Field schemas shared by commands. Each carries a message that tells a person what is
 * expected, since a malformed command is refused with the field's path and this message.
 */
export const text = (what: string, max = 4000) =>
  visibleOnly(z.string().trim().min(1, `give ${what}`).max(max, `${what} is too long (at most ${max} characters)`));

/** Free text that may be empty (still refusing hidden characters). */
export const optionalText = (max = 4000) => visibleOnly(z.string().trim().max(max));

/**
 * Every free-text field a person types refuses bidi overrides and zero-width characters, saying
 * which and where (services/domain/text/hiddenCharacters.ts): through this one refinement the same rule
 * holds for card inputs, chat answers and application sections, which all parse with these schemas.
 */
export function visibleOnly<T extends z.ZodType<string>>(schema: T) {
  return schema.superRefine((value, context) => {
    const problem = hiddenCharacterProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

/**
 * A person's name as Teams gives it (the actor, a member picked from the roster): not typed into
 * DARS, so not refused for hidden characters, which cards show visibly instead.
 */
const teamsName = z.string().trim().min(1, 'give the person’s name').max(200, 'the person’s name is too long (at most 200 characters)');

export const entraId = z.string().regex(/^[0-9a-f-]{36}$/i, 'an Entra object id (a GUID)');

export const personRef = z.object({ id: entraId, name: teamsName });

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

/** The id the file store gave a file's bytes: what a link to fetch the file will name. */
export const storedFileId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'the id of a stored file');
