/**
 * The DARS case workflow, pure: commands in, events out, the case as the fold of its events.
 *
 *   const decision = decide(state, command, { actor, activityId, now });
 *   if (decision.outcome === 'accepted') {
 *     // store: append decision.events at expected version state.version (idempotency key:
 *     // activityId) and decision.effects to the outbox, in one single-document write;
 *     // then state = decision.events.reduce(evolve, state)
 *   } else {
 *     // show decision.reason to the person
 *   }
 */
export { decide } from './decide';
export type { Decision, DecisionContext, Refusal, RefusalCode, Acceptance } from './decision';
export { evolve, foldCase } from './evolve';
export { caseCommandSchema, parseCommand, type CaseCommand, type CommandType, type CommandOf, type ParsedCommand } from './commands';
export type { CaseEvent, CaseEventBody, CaseEventType, EventOf, EventEnvelope, SpecialCondition, DsaSignatureRecord, DeadlineNoticeKind } from './events';
export { deadlineNotice, botActor, movedOnSince } from './deadlineNotices';
export type { OutboxEffect, Recipient, Channel } from './effects';
export type { CaseState, CaseFacts, CasePeople, NextAction, ActionHolder } from './state/caseState';
export type * from './state/records';
export { remainingAccessItems, type AccessItem } from './state/accessItems';
export { caseStatus, caseIndexFields, historyEntries, isOverdue, reminderDate, describeHolder, type CaseStatusView, type CaseStatusWithHistory, type CaseIndexFields, type HistoryEntry } from './queries';
export { permissions, permissionKey, permissionKeys, allowedTriples, isAllowed, checkPermission, type Permission, type PermissionKey } from './permissions';
export { readPermissions, canRead, readsEveryCase, noSuchCase, unseenCaseMessage, type ReadPermission, type ReadBasis } from './readPermissions';
export { staffRoles, caseBoundRoles, caseRoles, roleNames, type StaffRole, type CaseRole, type CaseBoundRole, type Actor, type PersonRef } from './roles';
export { rolesOnCase } from './rolesOnCase';
export { caseStages, caseStatuses, statusInfo, stageNames, stageOf, openStatuses, closedStatuses, type CaseStage, type CaseStatus } from './statuses';
export { sectionSchemas, sectionNames, sectionTitles, type SectionName, type SectionContent, type SectionContents } from './application/sections';
export { diffSectionVersions, diffApplicationVersions, diffLines, formatDiff, type SectionDiff, type DiffLine } from './application/diff';
export { latestSection, latestRevision, revisionInVersion, draftVersion, sectionsChangedSince, missingSections } from './application/versions';
export { renderSection } from './application/render';
export { applicationProblems, assuranceFactsFor, securityEvidenceFor } from './application/checks';
export { latestCohortDueDate } from './stages';
export { shownFingerprint, isStaleCard, type ShownCard } from './shownFacts';
