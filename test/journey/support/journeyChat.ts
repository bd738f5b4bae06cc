import { randomUUID } from 'node:crypto';

import { ConversationState, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Db } from 'mongodb';

import { MongoStorage } from '../../../bot/turns/mongoStorage';
import { ApplicantStatus } from '../../../bot/turns/applicantStatus';
import { CaseDesk } from '../../../services/storage/cases/caseDesk';
import type { CaseIndex } from '../../../services/storage/cases/caseIndex';
import type { DarsCaseCommands } from '../../../services/storage/cases/darsWorkflow';
import type { Actor } from '../../../services/domain/workflow';
import type { ActorDirectory, AttachmentFetcher } from '../../../dialogs/desks';
import { PersonalChatDialog } from '../../../dialogs/personalChatDialog';
import { caseStore } from '../../cases/caseStoreFixture';

/**
 * The applicant's 1:1 chat, run the way DarsBot runs it (continue the dialog, else begin the
 * root on a message, save state after the turn), on botbuilder's TestAdapter, with real parts
 * behind it: the case store on a fresh database of the real server, the real CaseDesk, and dialog
 * state in the real MongoStorage — so `restart()` is a new bot process reading the same state.
 */

/** Staff roles would come from the directory; the applicants here hold none. */
export const applicantDirectory: ActorDirectory = {
  actorFor: async (person) => ({ id: person.id, name: person.name, roles: [] }),
};

/** Downloads the way the bot does, from the file server standing in for Teams. */
export const httpFetcher: AttachmentFetcher = {
  async fetchText(downloadUrl) {
    const response = await fetch(downloadUrl);
    if (!response.ok) throw new Error(`download answered ${response.status}`);
    return response.text();
  },
};

export interface Turn {
  /** The messages the bot sent, as a person would read them (text and quick replies). */
  readonly replies: string[];
  readonly typing: number;
}

export class JourneyWorld {
  private constructor(
    readonly db: Db,
    readonly commands: DarsCaseCommands,
    readonly index: CaseIndex,
    readonly desk: CaseDesk,
    readonly storage: MongoStorage,
    readonly clock: () => Date,
  ) {}

  static async open(label: string, now: Date): Promise<JourneyWorld> {
    const clock = () => now;
    const store = await caseStore(label, clock);
    const storage = new MongoStorage(store.db);
    await storage.ensureIndexes();
    return new JourneyWorld(store.db, store.commands, store.index, new CaseDesk(store.commands, store.log, store.index, clock), storage, clock);
  }

  chat(applicant: Actor, fetcher: AttachmentFetcher = httpFetcher): JourneyChat {
    return new JourneyChat(this, applicant, fetcher);
  }
}

export class JourneyChat {
  private adapter!: TestAdapter;
  private crashBeforeSaving = false;
  readonly conversationId: string;

  constructor(
    private readonly world: JourneyWorld,
    readonly applicant: Actor,
    private readonly fetcher: AttachmentFetcher,
  ) {
    this.conversationId = `a:personal-${applicant.id}`;
    this.restart();
  }

  /** A new bot: new dialogs and state objects over the same stored state, as after a crash. */
  restart(): this {
    const world = this.world;
    const root = new PersonalChatDialog(
      { submit: () => Promise.reject(new Error('enquiries are not part of these tests')) },
      new ApplicantStatus(world.desk, world.clock),
      world.desk,
      applicantDirectory,
      this.fetcher,
      world.clock,
    );
    const conversationState = new ConversationState(world.storage);
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState')).add(root);
    this.adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty && context.activity.type === 'message') await dc.beginDialog(root.id);
      if (this.crashBeforeSaving) {
        this.crashBeforeSaving = false;
        return;
      }
      await conversationState.saveChanges(context, false);
    });
    return this;
  }

  /**
   * The next turn does its work but the process dies before the dialog state is saved — so
   * Teams, getting no answer, sends the same activity again to a fresh process.
   */
  crashBeforeSavingNextTurn(): this {
    this.crashBeforeSaving = true;
    return this;
  }

  /** The person types `text`. */
  say(text: string): Promise<Turn> {
    return this.send({ text, textFormat: 'plain' });
  }

  /** The person attaches a file (as Teams delivers it) with no text. */
  attach(attachment: Attachment): Promise<Turn> {
    return this.send({ text: '', attachments: [attachment] });
  }

  /** Sends one message activity with a fresh Teams activity id; an `id` given replays that activity. */
  async send(activity: Partial<Activity>): Promise<Turn> {
    const queue = this.adapter.activeQueue;
    queue.splice(0, queue.length);
    await this.adapter.processActivity({
      type: 'message',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      from: { id: `29:${this.applicant.id}`, name: this.applicant.name, aadObjectId: this.applicant.id },
      recipient: { id: '28:dars-bot', name: 'DARS Bot' },
      conversation: { id: this.conversationId, conversationType: 'personal', isGroup: false, name: '' },
      ...activity,
    });
    const sent = queue.splice(0, queue.length);
    return {
      replies: sent.filter((reply) => reply.type === 'message').map(readable),
      typing: sent.filter((reply) => reply.type === 'typing').length,
    };
  }
}

function readable(activity: Partial<Activity>): string {
  const actions = activity.suggestedActions?.actions.map((action) => `[${String(action.title ?? action.value)}]`) ?? [];
  return [activity.text ?? '', ...actions].join(' ').trim();
}

/** A Teams file attachment as the connector delivers it in a 1:1 chat. */
export function teamsFile(name: string, downloadUrl: string): Attachment {
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    content: { downloadUrl, uniqueId: randomUUID(), fileType: name.split('.').pop() ?? '' },
  };
}
