import { createHash, randomBytes } from 'node:crypto';

/**
 * What a secret token is for. Each purpose hashes the token differently, so a token issued for
 * one purpose never finds an item stored for another: an emailed verification link is not a
 * login session, though both live in the sessions table.
 */
export type TokenPurpose = 'session' | 'email_verification' | 'password_reset';

/** A new 256-bit random token, base64url (43 characters). */
export function createSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The SHA-256 (hex) stored in place of a token: for a login session the plain hash of the token;
 * for the emailed tokens, the hash of the purpose and the token.
 */
export function hashSecretToken(token: string, purpose: TokenPurpose = 'session'): string {
  const input = purpose === 'session' ? token : `${purpose}:${token}`;
  return createHash('sha256').update(input).digest('hex');
}
