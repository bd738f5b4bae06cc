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
    } else if (attachment.contentUrl && isInlineFile(attachment.contentType ?? '', name)) {
      return { name, downloadUrl: attachment.contentUrl };
    }
  }
  return undefined;
}

/**
 * An inline attachment that is a file (a CSV, a PDF, an image…), not the message's own HTML body
 * or a card, which Teams also sends as attachments.
 */
function isInlineFile(contentType: string, name: string): boolean {
  if (contentType === 'text/html' || contentType.startsWith('application/vnd.microsoft.')) return false;
  return contentType === 'text/csv' || contentType.startsWith('image/') || contentType.startsWith('application/') || /\.[a-z0-9]+$/i.test(name);
}
