import { createHash, randomUUID } from 'node:crypto';
import type { Assessment, User } from '@ielts-genai-prep/core';
import type { BaseServices, IdempotencyServices } from './app-services.js';
import { ServerError } from './server-error.js';

/** A reservation left by a first request that never finished (its process died) is taken over after this. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

/** JSON with object keys sorted, so that the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fingerprint stored with an idempotency key: SHA-256 of the canonical request body. */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('base64url');
}

/** The id of the assessment a keyed request stores: the same for the same user, route and key. */
export function keyedAssessmentId(user: User, scope: string, idempotencyKey: string): string {
  return `a-${createHash('sha256').update(`${user.user_id}\u0000${scope}\u0000${idempotencyKey}`).digest('hex').slice(0, 32)}`;
}

/** A request that may carry an idempotency key. */
export interface KeyedRequest {
  user: User;
  /** The route's name (`writing.evaluate`): a key is scoped to the user and the route. */
  scope: string;
  idempotencyKey: string | undefined;
  /** The validated request body, fingerprinted. */
  body: unknown;
}

/**
 * The one place idempotency keys are handled, as payment APIs do: the first request with a key
 * reserves it (one conditional write, in the DAL) with a fingerprint of its body, and alone runs
 * `produce`, so the allowance is reserved once per key, never once per attempt. A retry with the
 * same body gets the stored result; while the first is still running in this process it waits
 * for it, elsewhere it gets a 409 `in_progress` with `Retry-After`. The same key with another
 * body is a 422 `idempotency_key_reused`. A first request that fails gives the key back.
 */
export async function runIdempotently(
  services: BaseServices & IdempotencyServices,
  request: KeyedRequest,
  produce: (assessmentId: string) => Promise<Assessment>,
): Promise<Assessment> {
  const { user, scope, idempotencyKey } = request;
  if (idempotencyKey === undefined) return produce(randomUUID());
  const { assessments } = services.repositories;
  const claim = {
    userEmail: user.email,
    scope,
    idempotencyKey,
    fingerprint: requestFingerprint(request.body),
    targetAssessmentId: keyedAssessmentId(user, scope, idempotencyKey),
  };
  const localKey = `${user.user_id}\u0000${scope}\u0000${idempotencyKey}`;
  // Each round either answers or waits for something that ends (the local first request, a takeover).
  for (let round = 0; round < 3; round += 1) {
    const claimed = await assessments.claimIdempotencyKey(claim);
    if (claimed.claimed) {
      const work = produce(claim.targetAssessmentId);
      services.idempotentInFlight.set(localKey, work);
      try {
        return await work;
      } catch (error) {
        await assessments
          .releaseIdempotencyKey(claim)
          .catch((releaseError: unknown) => services.logger.error('idempotency key not given back', { error: String(releaseError) }));
        throw error;
      } finally {
        services.idempotentInFlight.delete(localKey);
      }
    }
    const { record } = claimed;
    if (record.fingerprint !== null && record.fingerprint !== claim.fingerprint) {
      throw new ServerError(
        'idempotency_key_reused',
        'This idempotency key was used with another request: use a new key for a new request',
        {
          details: [{ path: 'idempotency_key', message: 'was sent before with another request body' }],
        },
      );
    }
    const stored = await assessments.get(record.target_assessment_id);
    if (stored && stored.user_id === user.user_id) return stored;
    const local = services.idempotentInFlight.get(localKey);
    if (local) {
      // Its outcome decides: a stored assessment, or a released key this round claims again.
      await local.catch(() => undefined);
      continue;
    }
    if (services.clock() - Date.parse(record.created_at) > ABANDONED_AFTER_MS) {
      await assessments.releaseIdempotencyKey(claim, record.created_at);
      continue;
    }
    break;
  }
  throw new ServerError('in_progress', 'The first request with this idempotency key is still being processed: try again shortly', {
    headers: { 'retry-after': '1' },
  });
}
