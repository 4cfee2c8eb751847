import { COMMON_PASSWORDS_TEXT } from './common-passwords-list.js';

let commonPasswords: Set<string> | undefined;

/** True when the password is one of the most common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(COMMON_PASSWORDS_TEXT.split('\n'));
  return commonPasswords.has(password.toLowerCase());
}

/**
 * What is wrong with a new password beyond core's length rule (8–128 characters), or undefined.
 * Refuses the most common passwords and the account's own email address (NIST SP 800-63B).
 */
export function passwordProblem(password: string, email: string): string | undefined {
  // Eight spaces pass a length rule and are the first thing a guesser tries after the common list.
  if (/^[\s\p{Cc}\p{Cf}]*$/u.test(password)) return 'must not be only spaces or invisible characters';
  if (isCommonPassword(password)) return 'is too common: choose a password that is not on lists of common passwords';
  const lowered = password.toLowerCase();
  const normalizedEmail = email.trim().toLowerCase();
  if (lowered === normalizedEmail || lowered === normalizedEmail.split('@')[0]) return 'must not be your email address';
  return undefined;
}
