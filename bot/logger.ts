/**
 * Structured logs: one JSON object per line, with the case reference and activity id where
 * there is one. Never applicant answers or names: callers pass identifiers, not content.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const order: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(threshold: LogLevel | 'silent', write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const log = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    if (order[level] < order[threshold]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Errors in logs carry their message and class, not the payload that caused them. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
