/**
 * A fresh key for a submission's `idempotency_key` (`writing.evaluate`, `listening.evaluate`):
 * sending the same answer again with it (after a dropped connection, say) stores and charges one
 * assessment. Uniqueness is all it needs, not secrecy, so Math.random will do where
 * `crypto.randomUUID` is missing (Hermes). `kind` starts the key, so logs show what it was for.
 */
export function newIdempotencyKey(now: () => number = Date.now, random: () => number = Math.random, kind = 'essay'): string {
  const randomPart = Array.from({ length: 3 }, () => Math.floor(random() * 2 ** 32).toString(36).padStart(7, '0')).join('');
  return `${kind}-${now().toString(36)}-${randomPart}`;
}
