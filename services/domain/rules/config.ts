import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate';

/**
 * Every number, list and threshold the DARS rules use, as one validated configuration object.
 * Changing policy (a new tariff, a fourth assurance level, a different clock target) is a change
 * to data checked by this schema, not to code. `defaultRules` holds NHS England's current values.
 */

const isoDate = z.string().refine(isIsoDate, 'a date written YYYY-MM-DD');
const pence = z.number().int().min(0);
const workingDays = z.number().int().min(0).max(250);

export const dsaUses = ['academicArchiving', 'commercial', 'subLicence', 'other'] as const;
export type DsaUse = (typeof dsaUses)[number];

export const dsptStatuses = ['Standards Exceeded', 'Standards Met', 'Approaching Standards', 'Standards Not Met', 'Not Published'] as const;
export type DsptStatus = (typeof dsptStatuses)[number];

export const accessServiceIds = ['secureDataEnvironment', 'dissemination'] as const;
export type AccessServiceId = (typeof accessServiceIds)[number];

export const chargeTypes = ['newApplication', 'amendment', 'renewal', 'extension', 'annualReview'] as const;
export type ChargeType = (typeof chargeTypes)[number];

/** The facts the assurance level recommender reads; criteria name one of these. */
export const assuranceFactNames = [
  'novelOrContentious', 'commercial', 'identifiableWithoutConsent', 'subLicensed', 'gpData', 'recordLevel', 'cloudOutsideUk',
] as const;
export type AssuranceFactName = (typeof assuranceFactNames)[number];

export const clockNames = ['enquiry', 'preliminaryAssessment', 'application', 'assurance', 'approval', 'dsa', 'access'] as const;
export type ClockName = (typeof clockNames)[number];

const bankHolidayCalendarSchema = z.object({
  region: z.string(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  holidays: z.array(z.object({ date: isoDate, name: z.string() })).readonly(),
});

export const rulesConfigSchema = z
  .object({
    dsaTerm: z.object({
      maxStartMonthsAhead: z.number().int().min(0),
      maxYearsByUse: z.record(z.enum(dsaUses), z.number().int().min(1)),
      useLabels: z.record(z.enum(dsaUses), z.string()),
    }),
    security: z.object({
      acceptedDsptStatuses: z.array(z.enum(dsptStatuses)).min(1),
      /** "In date" = published within this many months before today. */
      dsptInDateMonths: z.number().int().min(1),
      certifications: z.array(z.string()).min(1),
    }),
    commonLawDuty: z.object({ cagReferencePattern: z.string() }),
    assurance: z.object({
      /** Lowest to highest. */
      levels: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })).min(1),
      defaultLevel: z.string(),
      criteria: z.array(z.object({ fact: z.enum(assuranceFactNames), level: z.string(), reason: z.string() })),
      /** Levels at which AGD must review (DOMAIN: the highest). */
      agdLevels: z.array(z.string()),
    }),
    charges: z.object({
      tariffs: z.array(z.object({ effectiveFrom: isoDate, fees: z.record(z.enum(chargeTypes), pence) })).min(1),
      accessServices: z.record(
        z.enum(accessServiceIds),
        z.object({
          name: z.string(),
          /** null = not published here; the estimate says the service quotes it separately. */
          annualChargePence: pence.nullable(),
          serviceAgreementRequired: z.boolean(),
        }),
      ),
    }),
    cohortFile: z.object({
      maxRows: z.number().int().min(1),
      columns: z.object({
        uniqueReference: z.string(),
        status: z.string(),
        dateOfBirth: z.string(),
        personMinDate: z.string(),
        personMaxDate: z.string(),
      }),
      dateFormats: z.array(z.enum(['YYYY-MM-DD', 'YYYYMMDD', 'DD/MM/YYYY'])).min(1),
      /** The report lists failing rows as ranges per reason; past this many ranges it only counts. */
      maxListedRanges: z.number().int().min(1),
      /** The plain-text summary shown to a person is cut at this length (the counts stay exact). */
      maxSummaryChars: z.number().int().min(200),
    }),
    clocks: z.object({
      targets: z.record(z.enum(clockNames), workingDays),
      applicantResponseWorkingDays: workingDays,
      reminderLeadWorkingDays: workingDays,
      cohortFileReminderWorkingDays: workingDays,
    }),
    calendar: bankHolidayCalendarSchema,
  })
  .superRefine((config, ctx) => {
    const levelIds = new Set(config.assurance.levels.map((level) => level.id));
    const check = (level: string, path: (string | number)[]): void => {
      if (!levelIds.has(level)) ctx.addIssue({ code: 'custom', path, message: `unknown assurance level "${level}"` });
    };
    check(config.assurance.defaultLevel, ['assurance', 'defaultLevel']);
    config.assurance.criteria.forEach((criterion, i) => check(criterion.level, ['assurance', 'criteria', i, 'level']));
    config.assurance.agdLevels.forEach((level, i) => check(level, ['assurance', 'agdLevels', i]));
    try {
      new RegExp(config.commonLawDuty.cagReferencePattern);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['commonLawDuty', 'cagReferencePattern'], message: 'not a valid regular expression' });
    }
  });

export type RulesConfig = z.infer<typeof rulesConfigSchema>;
