import type { Client } from '@microsoft/microsoft-graph-client';

import { graphStatus } from './graphErrors';

/**
 * Installs the DARS Bot Teams app in a person's personal scope, so the bot can open a 1:1 chat
 * with them (a signatory who never used the bot has no conversation to send a card to):
 * `POST /users/{userId}/teamwork/installedApps` with the catalog app bound by id. Graph answers
 * 201, or 409 Conflict when the app is already installed — for us the same outcome.
 *
 * The manifest asks for a resource-specific permission (TeamsActivity.Send.User, to post the
 * activity-feed notice); an app that does is installed with that consent in
 * `consentedPermissionSet`, which needs the application permission
 * TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All (this app only). Without RSC in the
 * manifest, TeamsAppInstallation.ReadWriteSelfForUser.All and no consent would do.
 *
 * `teamsAppId` is the app's id in the organisation's app catalog, which for an uploaded custom
 * app differs from the id in its manifest.
 */

export interface ResourceSpecificPermission {
  readonly permissionValue: string;
  readonly permissionType: 'Application' | 'Delegated';
}

export interface AppInstallation {
  readonly userId: string;
  readonly teamsAppId: string;
  /** The manifest's resource-specific permissions to consent to on install. */
  readonly consent?: readonly ResourceSpecificPermission[];
}

export async function installAppForUser(client: Client, graphBaseUrl: string, install: AppInstallation): Promise<'installed' | 'alreadyInstalled'> {
  const base = graphBaseUrl.replace(/\/+$/, '');
  try {
    await client.api(`/users/${encodeURIComponent(install.userId)}/teamwork/installedApps`).post({
      'teamsApp@odata.bind': `${base}/v1.0/appCatalogs/teamsApps/${encodeURIComponent(install.teamsAppId)}`,
      ...(install.consent?.length ? { consentedPermissionSet: { resourceSpecificPermissions: install.consent } } : {}),
    });
    return 'installed';
  } catch (error) {
    if (graphStatus(error) === 409) return 'alreadyInstalled';
    throw error;
  }
}
