/**
 * A fresh key for a submission's `idempotency_key`: sending the same answer again with it (after a
 * dropped connection, say) stores and charges one assessment. Uniqueness is all it needs, not
 * secrecy: `crypto.randomUUID` where there is one, else time and `Math.random` (Hermes has no
 * `crypto`). `kind` starts the key (8–128 characters, as the contract asks), so logs show what it was for.
 */
export function newIdempotencyKey(kind = 'answer', options: { now?: () => number; random?: () => number } = {}): string {
  if (!options.random && typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return `${kind}-${crypto.randomUUID()}`;
  const random = options.random ?? Math.random;
  const randomPart = Array.from({ length: 3 }, () =>
    Math.floor(random() * 2 ** 32)
      .toString(36)
      .padStart(7, '0'),
  ).join('');
  return `${kind}-${(options.now ?? Date.now)().toString(36)}-${randomPart}`;
}
