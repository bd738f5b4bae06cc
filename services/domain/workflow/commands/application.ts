import { z } from 'zod';
import { sectionNames, sectionSchemas, type SectionName } from '../application/sections';
import { personRef, text } from './fields';

/** Stage 3, application: a DARS contact takes the case, the applicant writes and submits, DARS reviews. */

function saveSection<K extends SectionName>(section: K) {
  return z.object({ type: z.literal('saveApplicationSection'), section: z.literal(section), content: sectionSchemas[section] });
}

export const saveApplicationSectionSchema = z.discriminatedUnion('section', [
  saveSection('objective'),
  saveSection('processingActivities'),
  saveSection('expectedOutcomes'),
  saveSection('commercialPurpose'),
  saveSection('dataRequested'),
  saveSection('controllersAndProcessors'),
  saveSection('legalBasis'),
  saveSection('ethicalApproval'),
  saveSection('securityAssurance'),
  saveSection('storageAndTerritory'),
  saveSection('patientObjections'),
  saveSection('transparency'),
  saveSection('subLicensing'),
  saveSection('dsaTerm'),
]);

export const amendmentCommentSchema = z.object({
  section: z.enum(sectionNames as [SectionName, ...SectionName[]]),
  comment: text('what needs to change in this section', 2000),
});
export type AmendmentComment = z.infer<typeof amendmentCommentSchema>;

export const applicationCommandSchemas = [
  z.object({
    type: z.literal('allocateDarsContact'),
    /** Absent: the actor takes the case ("take it"). */
    contact: personRef.optional(),
    /** A case already taken is only reassigned on purpose, so two clicks on "take it" cannot both win. */
    replace: z.boolean().optional(),
  }),
  saveApplicationSectionSchema,
  z.object({ type: z.literal('submitApplication') }),
  z.object({ type: z.literal('requestAmendments'), comments: z.array(amendmentCommentSchema).min(1, 'comment on at least one section') }),
  z.object({ type: z.literal('resubmitApplication') }),
  z.object({ type: z.literal('acceptApplication'), nicNumber: z.string().regex(/^NIC-\d{6}-[A-Z0-9]{5}$/, 'a NIC number like NIC-123456-AB1C2') }),
] as const;

export type ApplicationCommand = z.infer<(typeof applicationCommandSchemas)[number]>;
