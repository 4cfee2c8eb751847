import type { Logger } from '../logger.js';

/** One line a {@link Logger} was given. */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger that keeps every line, in order, for a test to read. */
export function createRecordingLogger(): { logger: Logger; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const record =
    (level: LogLine['level']): Logger[LogLine['level']] =>
    (message, fields) =>
      void logs.push({ level, message, fields });
  return { logger: { info: record('info'), warn: record('warn'), error: record('error') }, logs };
}
