import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Collection, Db } from 'mongodb';

import { isDuplicateKey } from '../../services/storage/database/duplicateKey';
import { plainInMarkdown } from '../../services/domain/text/markdownText';
import { staffChannelHelp } from '../staff/staffChannel';

/**
 * The bot introduces itself once when it is added to a chat or a team, saying what each person
 * can do there. Teams announces one install twice — `installationUpdate` (add) and
 * `conversationUpdate` (the bot among `membersAdded`), in either order and possibly to two bot
 * processes at once — so the welcome is claimed by inserting `<conversation id>` (an insert is
 * the one atomic condition on FerretDB and MongoDB alike): whoever inserts first welcomes, the
 * other stays silent. Removing the app (`installationUpdate` remove) forgets the claim, so a
 * later reinstall is welcomed again.
 */
interface WelcomeRecord {
  _id: string;
  at: Date;
}

export class Welcomes {
  private readonly welcomes: Collection<WelcomeRecord>;

  constructor(db: Db) {
    this.welcomes = db.collection<WelcomeRecord>('welcomes');
  }

  /** Creates the collection at start (FerretDB dislikes collections created mid-turn in parallel). */
  async ensureIndexes(): Promise<void> {
    await this.welcomes.createIndex({ at: 1 }, { name: 'at' });
  }

  /** Sends the welcome for this conversation unless another turn already has. */
  async welcome(context: TurnContext): Promise<void> {
    const conversationId = conversationOf(context);
    try {
      await this.welcomes.insertOne({ _id: conversationId, at: new Date() });
    } catch (error) {
      if (isDuplicateKey(error)) return;
      throw error;
    }
    try {
      await context.sendActivities(welcomeFor(context.activity));
    } catch (error) {
      // Not sent: give the claim back, so Teams' other install activity (or a retry) welcomes instead.
      await this.welcomes.deleteOne({ _id: conversationId });
      throw error;
    }
  }

  /** The app was removed here: the next install is a new first meeting. */
  async forget(context: TurnContext): Promise<void> {
    await this.welcomes.deleteOne({ _id: conversationOf(context) });
  }
}

/** A team's install arrives in one of its channels (`<channel id>;messageid=…` for a thread): the team is the conversation. */
function conversationOf(context: TurnContext): string {
  return context.activity.conversation.id.split(';')[0]!;
}

/** Whether this activity says the bot itself was just added (not a person joining a chat it is in). */
export function botWasAdded(activity: Partial<Activity>): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
}

export const personalWelcomeActions = ['new enquiry', 'status', 'history', 'help'];

/**
 * In a 1:1 chat the welcome is two messages: what the person can do (bold commands, a list),
 * then a short plain question carrying the buttons. Clients that show a message with suggested
 * actions as plain text (the Agents Playground does: literal asterisks, the list run together)
 * then still show the welcome as written.
 */
export function welcomeFor(activity: Partial<Activity>): Partial<Activity>[] {
  if (activity.conversation?.conversationType === 'personal') {
    const first = (activity.from?.name ?? '').split(' ')[0] ?? '';
    const hello = first ? `Hello ${plainInMarkdown(first)}, I am **DARS Bot**` : 'Hello, I am **DARS Bot**';
    const welcome = MessageFactory.text(
      `${hello}, for NHS England's Data Access Request Service (DARS). In this chat you can:\n\n` +
        '- **new enquiry**: ask about access to NHS England data (four short parts, about 5 minutes)\n' +
        '- **status**: where each of your cases stands, who has the next step and when it is due\n' +
        '- **history**: what has happened on a case, with dates\n' +
        '- **help**: everything else I can do, such as writing your application or sending a cohort file\n\n' +
        'When DARS needs something from you, I will tell you here, with a button to start it. ' +
        'If you are asked to sign a Data Sharing Agreement, the card to sign arrives here too.',
    );
    return [welcome, MessageFactory.suggestedActions(personalWelcomeActions, 'What would you like to do?')];
  }
  return [MessageFactory.text(
    'Hello, I am **DARS Bot**, for NHS England\'s Data Access Request Service (DARS). I post new enquiries, reviews and ' +
      'decisions for DARS staff to the team\'s DARS channels (triage, assurance, AGD and PAG), where each card has its own buttons. ' +
      `In those channels, ${staffChannelHelp.charAt(0).toLowerCase()}${staffChannelHelp.slice(1)}\n\n` +
      'Applicants, members of their team and signatories talk to me in a 1:1 chat instead.',
  )];
}
