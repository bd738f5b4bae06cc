/** The DARS rules of DOMAIN.md as configurable data: each returns its outcome and its reasons. */
export * from './config';
export * from './defaultRules';
export * from './reason';
export * from './dsaTerm';
export * from './security';
export * from './commonLawDuty';
export * from './assuranceLevel';
export * from './reviews';
export * from './charges';
export * from './cohortFile/cohortFileCheck';
export type { ReasonFailures, RowRange } from './cohortFile/failureTally';
