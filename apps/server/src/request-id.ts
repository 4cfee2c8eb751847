import { randomUUID } from 'node:crypto';

/**
 * What an incoming `x-request-id` must look like to be kept: 8 to 128 letters, digits and
 * `-_.:=` (UUIDs, ULIDs, `Root=1-…` trace ids). Anything else, which could forge or break log
 * lines, is replaced by a fresh id.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:=-]{8,128}$/;

/** The id of a request: a well-formed incoming `x-request-id` (set by a proxy or the client), else a new UUID. */
export function requestIdFor(incoming: string | undefined): string {
  return incoming !== undefined && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}
