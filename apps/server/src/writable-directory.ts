import { accessSync, constants, mkdirSync } from 'node:fs';
import { ConfigError } from './config.js';
import { PRIVATE_DIRECTORY_MODE } from './private-files.js';

/**
 * Creates `directory` when missing and checks that the server can write into it, so that a bad
 * `DATA_DIR` or `OUTBOX_DIR` stops the start with one clear line instead of a stack trace from
 * whatever first writes there. Throws a {@link ConfigError} naming the variable.
 */
export function ensureWritableDirectory(variable: string, directory: string): void {
  try {
    mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    accessSync(directory, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new ConfigError([`${variable}: cannot create or write the folder ${directory} (${reason})`]);
  }
}
