import { plainInMarkdown } from './markdownText';

/**
 * A notice about a case as a chat message, in plain text, naming the case once: a message that
 * already names it ("DARS-2026-00001: the applicant answered…", "Your application
 * DARS-2026-00001 was submitted") is sent as it is; any other gets the reference, in bold, first.
 */
export function noticeText(reference: string, message: string): string {
  if (message.includes(reference)) return plainInMarkdown(message);
  return `**${reference}**: ${plainInMarkdown(message)}`;
}
