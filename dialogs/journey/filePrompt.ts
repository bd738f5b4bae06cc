import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';

import { fileAttachmentOf, type FileAttachment } from './fileAttachment';
import { replyOrAccept, type Recognition } from '../recognition';

/** Waits for a file attached to a message; typed text gets an explanation (pure recognition). */

export class FilePrompt extends Prompt<unknown> {
  constructor(id: string) {
    super(id, replyOrAccept);
  }

  protected async onPrompt(context: TurnContext, _state: object, _options: PromptOptions, _isRetry: boolean): Promise<void> {
    await context.sendActivity('Attach the CSV file to a message here (the paperclip under the box where you type), then send it.');
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<Recognition<FileAttachment>>> {
    const file = fileAttachmentOf(context.activity);
    if (file) return { succeeded: true, value: { kind: 'answer', value: file } };
    return {
      succeeded: true,
      value: { kind: 'reply', message: 'I need the file itself: attach the CSV to a message (the paperclip under the box where you type). Or say **cancel** to stop.' },
    };
  }
}

