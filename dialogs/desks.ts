import type { Enquiry } from '../services/domain/enquiry/enquiry';

/**
 * What the dialogs need from the rest of DARS Bot, as small interfaces: the composition root
 * wires the real services in, and dialogs stay free of storage details.
 */

export interface Person {
  /** Entra object id (the activity's `from.aadObjectId`). */
  readonly id: string;
  readonly name: string;
}

export interface SubmittedEnquiry {
  readonly reference: string;
  /** What happens next, in a sentence for the applicant. */
  readonly nextStep: string;
}

export interface EnquiryDesk {
  /**
   * Creates the case and queues the review card for the triage channel. Keyed by `activityId`
   * (the Submit's Teams activity); every Submit of one draft (`draftId`) reaches the same case.
   */
  submit(input: { enquiry: Enquiry; applicant: Person; activityId: string; draftId: string }): Promise<SubmittedEnquiry>;
}

export interface StatusDesk {
  /**
   * Markdown describing every case the person is on: stage, next action and holder, what is due,
   * the latest events. With `quietWhenNone`, no cases is '' (said mid-enquiry).
   */
  describeCasesFor(person: Person, options?: { quietWhenNone?: boolean }): Promise<string>;
  /** A case's history in dated plain-English lines: the named case, or the person's newest. */
  describeHistoryFor(person: Person, reference?: string): Promise<string>;
}

/** Turns the person in the chat into a workflow actor, with their staff roles from the directory. */
export interface ActorDirectory {
  actorFor(person: Person): Promise<import('../services/domain/workflow').Actor>;
}

/** Downloads a file the person attached in the 1:1 chat (Teams gives a short-lived download URL). */
export interface AttachmentFetcher {
  fetchText(downloadUrl: string): Promise<string>;
}

/**
 * Files people send in chat, kept whole (services/storage/evidence/fileStore.ts): downloaded with a cap
 * (a file over `maxBytes` answers 'tooLarge' without being read to the end), then stored.
 */
export interface FileKeeping {
  download(downloadUrl: string, maxBytes: number): Promise<Buffer | 'tooLarge'>;
  keep(file: import('../services/storage/evidence/fileStore').FileToKeep): Promise<import('../services/storage/evidence/fileStore').StoredFile>;
  /** Links, issued to this person, that open the evidence files of the case (by file id); none without a way to serve them. */
  evidenceLinks?(state: import('../services/domain/workflow').CaseState, personId: string): Promise<Readonly<Record<string, string>>>;
}

/**
 * Reading and changing cases as the person in the chat: `CaseDesk` (services/storage/cases/caseDesk.ts),
 * seen through only what dialogs use. Reads are the person's own cases only (the read table).
 */
export type CaseAccess = Pick<import('../services/storage/cases/caseDesk').CaseDesk, 'caseFor' | 'casesFor' | 'execute'>;

/** Everything the applicant's journey dialogs need, built once by the root dialog. */
export interface JourneyDesks {
  readonly cases: CaseAccess;
  readonly actors: ActorDirectory;
  readonly attachments: AttachmentFetcher;
  readonly status: StatusDesk;
  readonly clock: () => Date;
  /** Keeping files (evidence, cohort files); without it the cohort file is checked but not kept. */
  readonly files?: FileKeeping;
}
