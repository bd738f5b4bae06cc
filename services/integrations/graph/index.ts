/**
 * Microsoft Graph for DARS Bot: an app-only client, the operations the DSA routing uses, staff
 * roles from Entra ID groups, and the configuration. Nothing here imports botbuilder.
 */
export { createGraphConnection, retryAfterSeconds, type GraphClientOptions, type GraphConnection } from './graphClient';
export { ClientCredentialsProvider, type ClientCredentials } from './clientCredentials';
export { graphStatus, graphRetryAfterSeconds, isTransientGraphError, describeGraphError } from './graphErrors';
export { uploadToDocumentLibrary, shareReadOnly, type DriveItem, type UploadRequest } from './documentLibrary';
export { installAppForUser, type AppInstallation, type ResourceSpecificPermission } from './teamsAppInstallation';
export { sendActivityNotification, type ActivityNotice } from './activityFeed';
export { checkMemberGroups, findUserByEmail, listGroupUsers, type DirectoryUser, type GroupMember } from './directory';
export { GraphDirectoryRoles, StaticDirectoryRoles, type DirectoryRoles, type RoleGroups, type GraphDirectoryRolesOptions } from './directoryRoles';
export { graphEnvironmentShape, graphSettingsFrom, roleGroupVariables, type GraphEnvironment, type GraphSettings, type GraphSettingsResult } from './graphSettings';
