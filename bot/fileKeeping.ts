import type { FileKeeping } from '../dialogs/desks';
import type { FileStore, FileToKeep, StoredFile } from '../services/evidence/fileStore';
import type { HttpAttachmentFetcher } from './attachmentFetcher';

/** The dialogs' file desk: Teams downloads through the fetcher, bytes kept in the file store. */
export class FileKeepingDesk implements FileKeeping {
  constructor(
    private readonly fetcher: HttpAttachmentFetcher,
    private readonly store: FileStore,
  ) {}

  download(downloadUrl: string, maxBytes: number): Promise<Buffer | 'tooLarge'> {
    return this.fetcher.fetchBytes(downloadUrl, maxBytes);
  }

  keep(file: FileToKeep): Promise<StoredFile> {
    return this.store.keep(file);
  }
}
