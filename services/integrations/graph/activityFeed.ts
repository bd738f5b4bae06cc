import type { Client } from '@microsoft/microsoft-graph-client';

/**
 * A Teams activity-feed notice to one person: `POST /users/{userId}/teamwork/sendActivityNotification`
 * (Graph answers 204). The activity type and its template ("{actor} asked you to sign the DSA for
 * {caseReference}") are declared in the app manifest (manifest/manifest.ts); a text topic needs
 * the `webUrl` the notice opens. Application permission: TeamsActivity.Send.User, a
 * resource-specific permission consented when the app is installed for the person — which is
 * why the app is installed first.
 */

export interface ActivityNotice {
  readonly userId: string;
  readonly activityType: string;
  /** The topic line, plain text. */
  readonly topic: string;
  /** Where the notice leads: a Teams deep link (e.g. the chat with the bot). */
  readonly webUrl: string;
  /** Teams shows the first 150 characters. */
  readonly previewText: string;
  readonly templateParameters: Readonly<Record<string, string>>;
  /** The app's catalog id, when several apps share one Entra app registration. */
  readonly teamsAppId?: string;
}

export async function sendActivityNotification(client: Client, notice: ActivityNotice): Promise<void> {
  await client.api(`/users/${encodeURIComponent(notice.userId)}/teamwork/sendActivityNotification`).post({
    topic: { source: 'text', value: notice.topic, webUrl: notice.webUrl },
    activityType: notice.activityType,
    previewText: { content: notice.previewText.slice(0, 150) },
    templateParameters: Object.entries(notice.templateParameters).map(([name, value]) => ({ name, value })),
    ...(notice.teamsAppId ? { teamsAppId: notice.teamsAppId } : {}),
  });
}
