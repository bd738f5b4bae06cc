import { z } from 'zod';

/**
 * The enquiry (DOMAIN.md stage 1): what data, why, who is involved, how ready the applicant is.
 * This schema is the contract between the enquiry dialog, the workflow and the store.
 */

export const dataLevels = ['aggregate', 'pseudonymised', 'identifiable'] as const;
export type DataLevel = (typeof dataLevels)[number];

export const organisationRoles = ['data controller', 'data processor', 'funder'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];

export const readinessStages = ['exploring', 'funding bid', 'ready to apply'] as const;
export type ReadinessStage = (typeof readinessStages)[number];

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const requestedDatasetSchema = z.object({
  code: z.string(),
  name: z.string(),
  containsGpData: z.boolean(),
});
export type RequestedDataset = z.infer<typeof requestedDatasetSchema>;

export const dataWantedSchema = z.object({
  datasets: z.array(requestedDatasetSchema).min(1),
  period: z.object({ from: yearMonth, to: yearMonth }),
  level: z.enum(dataLevels),
});
export type DataWanted = z.infer<typeof dataWantedSchema>;

export const organisationSchema = z.object({
  name: z.string().min(2).max(200),
  role: z.enum(organisationRoles),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const readinessSchema = z.object({
  stage: z.enum(readinessStages),
  targetDate: isoDate,
});
export type Readiness = z.infer<typeof readinessSchema>;

export const enquirySchema = z.object({
  dataWanted: dataWantedSchema,
  purpose: z.string().min(30).max(3000),
  organisations: z.array(organisationSchema).min(1),
  readiness: readinessSchema,
});
export type Enquiry = z.infer<typeof enquirySchema>;

/** The four parts, in the order the dialog asks them; the summary card edits them by these names. */
export const enquiryParts = ['dataWanted', 'purpose', 'organisations', 'readiness'] as const;
export type EnquiryPart = (typeof enquiryParts)[number];

export const enquiryPartTitles: Record<EnquiryPart, string> = {
  dataWanted: 'The data you want',
  purpose: 'Why you want it',
  organisations: 'Organisations involved',
  readiness: 'How ready you are',
};

/** True when any dataset requested includes GP data (and so the case needs a PAG review). */
export function includesGpData(enquiry: Pick<Enquiry, 'dataWanted'>): boolean {
  return enquiry.dataWanted.datasets.some((dataset) => dataset.containsGpData);
}
