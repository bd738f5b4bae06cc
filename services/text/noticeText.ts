import { plainInMarkdown } from './markdownText';

/**
 * A notice about a case as a chat message: the reference once, in bold, then the message as plain
 * text. A message that already names the case ("DARS-2026-00001: the applicant answered…",
 * "Your application DARS-2026-00001 was submitted") is not prefixed again.
 */
export function noticeText(reference: string, message: string): string {
  if (message.startsWith(reference)) return `**${reference}**${plainInMarkdown(message.slice(reference.length))}`;
  if (message.includes(reference)) return plainInMarkdown(message);
  return `**${reference}**: ${plainInMarkdown(message)}`;
}
