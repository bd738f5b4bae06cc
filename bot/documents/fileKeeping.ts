import type { FileKeeping } from '../../dialogs/desks';
import type { FileStore, FileToKeep, StoredFile } from '../../services/storage/evidence/fileStore';
import type { CaseState } from '../../services/domain/workflow';
import type { HttpAttachmentFetcher } from './attachmentFetcher';
import type { DocumentLinks } from './documentLinks';

/** The dialogs' file desk: Teams downloads through the fetcher, bytes kept in the file store, links from the document links. */
export class FileKeepingDesk implements FileKeeping {
  constructor(
    private readonly fetcher: HttpAttachmentFetcher,
    private readonly store: FileStore,
    private readonly links?: DocumentLinks,
  ) {}

  async evidenceLinks(state: CaseState, personId: string): Promise<Readonly<Record<string, string>>> {
    return this.links ? this.links.forApplicantEvidence(state, personId) : {};
  }

  download(downloadUrl: string, maxBytes: number): Promise<Buffer | 'tooLarge'> {
    return this.fetcher.fetchBytes(downloadUrl, maxBytes);
  }

  keep(file: FileToKeep): Promise<StoredFile> {
    return this.store.keep(file);
  }
}
