import type { Attachment, FileConsentCardResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';

import type { CaseAccess } from '../../dialogs/desks';
import { contentTypes, claimedFileType } from '../../services/domain/evidence/fileType';
import type { FileStore, StoredFile } from '../../services/storage/evidence/fileStore';
import { plainInMarkdown } from '../../services/domain/text/markdownText';
import type { Logger } from '../runtime/logger';
import { turnLogger } from '../runtime/turnLogger';

/**
 * Teams' file consent flow, how a bot in a 1:1 chat gives a person a file: the bot sends a file
 * consent card naming the file; the person's Accept arrives as a `fileConsent/invoke` with an
 * `uploadUrl` in their OneDrive, where the bot PUTs the bytes and then shows a file info card;
 * Decline arrives the same way. The card's context names only the stored file and its case; on
 * Accept the person is authorised on the case again (its read table, through the case desk) and
 * the bytes come from the file store, checked against their recorded SHA-256.
 */
const consentContext = z.object({ fileId: z.string().min(1).max(64), caseReference: z.string().min(1).max(40) });

export const fileConsentCardType = 'application/vnd.microsoft.teams.card.file.consent';

export function fileConsentCard(file: StoredFile): Attachment {
  const context = { fileId: file._id, caseReference: file.caseReference };
  return {
    contentType: fileConsentCardType,
    name: file.fileName,
    content: { description: `A copy of ${file.fileName}, kept for ${file.caseReference}.`, sizeInBytes: file.size, acceptContext: context, declineContext: context },
  };
}

export class FileConsents {
  constructor(
    private readonly store: FileStore,
    private readonly cases: Pick<CaseAccess, 'caseFor'>,
    private readonly logger: Logger,
  ) {}

  async accept(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    const parsed = consentContext.safeParse(response.context);
    const uploadUrl = response.uploadInfo?.uploadUrl;
    const personId = context.activity.from?.aadObjectId ?? '';
    const state = parsed.success && personId ? await this.cases.caseFor(parsed.data.caseReference, personId) : undefined;
    const kept = parsed.success && state ? await this.store.read(parsed.data.fileId) : undefined;
    // Someone not on the case, or a file not of that case, gets the same answer as no file.
    if (!parsed.success || !uploadUrl || !kept || kept.file.caseReference !== state?.reference) {
      await context.sendActivity('I cannot send that file: it is not one you can see. Say **status** to see your cases.');
      return;
    }
    const { file, bytes } = kept;
    const upload = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'content-length': String(bytes.length), 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: bytes,
      signal: AbortSignal.timeout(120_000),
    });
    if (!upload.ok) {
      turnLogger(context, this.logger).warn('file consent upload failed', { status: upload.status });
      await context.sendActivity(`I could not put ${plainInMarkdown(file.fileName)} in your OneDrive just now. Please try again.`);
      return;
    }
    const info = response.uploadInfo!;
    const type = claimedFileType(file.fileName);
    await context.sendActivity({
      attachments: [{
        contentType: 'application/vnd.microsoft.teams.card.file.info',
        contentUrl: info.contentUrl ?? '',
        name: info.name ?? file.fileName,
        content: { uniqueId: info.uniqueId, fileType: info.fileType ?? (type ? contentTypes[type] : '') },
      }],
    });
  }

  async decline(context: TurnContext): Promise<void> {
    await context.sendActivity('Fine: the file was not sent.');
  }
}
