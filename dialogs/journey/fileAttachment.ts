import type { Activity } from 'botbuilder';

/**
 * A file the person attached in the 1:1 chat. Teams delivers it as an attachment of type
 * `application/vnd.microsoft.teams.file.download.info` whose content carries a short-lived,
 * pre-authenticated `downloadUrl` (the bot needs `supportsFiles` in the manifest). The Bot
 * Framework Emulator and the Teams App Test Tool send a plain attachment with a `contentUrl`.
 */
export interface FileAttachment {
  readonly name: string;
  readonly downloadUrl: string;
}

export const teamsFileDownloadInfo = 'application/vnd.microsoft.teams.file.download.info';

export function fileAttachmentOf(activity: Partial<Activity>): FileAttachment | undefined {
  for (const attachment of activity.attachments ?? []) {
    const name = attachment.name ?? 'file';
    if (attachment.contentType === teamsFileDownloadInfo) {
      const downloadUrl = (attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
      if (typeof downloadUrl === 'string') return { name, downloadUrl };
    } else if (attachment.contentUrl && (attachment.contentType === 'text/csv' || /\.csv$/i.test(name))) {
      return { name, downloadUrl: attachment.contentUrl };
    }
  }
  return undefined;
}
