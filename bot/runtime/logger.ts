import pino from 'pino';

/**
 * Structured logs (pino): one JSON object per line, with the case reference and activity id
 * where there is one. "No applicant data in logs" is enforced here, not left to care: every
 * field named in `applicantFields`, at the top level or one object down, is replaced by
 * `[redacted]` before the line is written, whoever passes it. Callers still pass identifiers
 * (case reference, activity id, verb), not content; the redaction catches the slip.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries these fields (a turn's activity id, conversation, case). */
  child(bindings: LogFields): Logger;
}

/**
 * Field names that carry what applicants (or staff about them) wrote or are called: names and
 * contact details, free text and answers, titles and descriptions of their projects, the names
 * of files they send, and card data as it arrived. `reason` is not here: the bot uses it for its
 * own refusal reasons (door.ts), never for people's words.
 */
export const applicantFields = [
  'name', 'displayName', 'givenName', 'surname', 'applicantName', 'userName', 'from',
  'email', 'mail', 'userPrincipalName', 'upn', 'phone', 'telephone', 'address', 'postcode',
  'text', 'words', 'message', 'answer', 'answers', 'response', 'comment', 'comments', 'note', 'notes',
  'title', 'projectTitle', 'description', 'purpose', 'summary', 'justification', 'benefits', 'outputs',
  'fileName', 'filename', 'file', 'contentUrl', 'downloadUrl',
  'value', 'data', 'body', 'inputs', 'submitted', 'attachments', 'entities',
] as const;

const redactPaths = applicantFields.flatMap((field) => [field, `*.${field}`]);

export function createLogger(threshold: LogLevel | 'silent', write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const root = pino(
    {
      level: threshold,
      // No pid or hostname: the platform adds where a line came from.
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    { write },
  );
  return wrap(root);
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, fields = {}) => log.debug(fields, message),
    info: (message, fields = {}) => log.info(fields, message),
    warn: (message, fields = {}) => log.warn(fields, message),
    error: (message, fields = {}) => log.error(fields, message),
    child: (bindings) => wrap(log.child(bindings)),
  };
}

/** Errors in logs carry their message and class, not the payload that caused them. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
