/**
 * A fresh key for `writing.evaluate`'s `idempotency_key`: sending the same essay again with it
 * (after a dropped connection, say) stores and charges one assessment. Uniqueness is all it needs,
 * not secrecy, so Math.random will do where `crypto.randomUUID` is missing (Hermes).
 */
export function newIdempotencyKey(now: () => number = Date.now, random: () => number = Math.random): string {
  const randomPart = Array.from({ length: 3 }, () => Math.floor(random() * 2 ** 32).toString(36).padStart(7, '0')).join('');
  return `essay-${now().toString(36)}-${randomPart}`;
}
