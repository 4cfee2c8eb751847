import type { ApiErrorCode } from '@ielts-genai-prep/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { registerContractRoutes, type Caller, type ContractHandlers } from './contract-router.js';
import { toErrorResponse } from './error-responses.js';
import { ServerError } from './server-error.js';

/** Handlers for every route that all throw a ServerError with `code`. */
function throwingHandlers(code: ApiErrorCode): ContractHandlers {
  const handler = async () => {
    throw new ServerError(code, `a ${code}`);
  };
  return new Proxy({}, { get: () => new Proxy({}, { get: () => handler }) }) as ContractHandlers;
}

function appThrowing(code: ApiErrorCode, signedIn = false) {
  const undeclared: string[] = [];
  const app = new Hono<AppEnv>();
  app.onError((error, context) => context.json(toErrorResponse(error).envelope, toErrorResponse(error).status as 400));
  registerContractRoutes(app, throwingHandlers(code), {
    // The handlers never read the caller: any object stands for a signed-in one.
    authenticate: async () => (signedIn ? ({} as Caller) : undefined),
    errorCodeOf: (error) => toErrorResponse(error).envelope.error.code,
    onUndeclaredError: (routeName, undeclaredCode) => undeclared.push(`${routeName}: ${undeclaredCode}`),
  });
  return { app, undeclared };
}

describe('the contract router', () => {
  it('reports an error code a route does not declare, and still answers with it', async () => {
    const { app, undeclared } = appThrowing('conflict');
    const response = await app.request('/health');
    expect(response.status).toBe(409);
    expect(undeclared).toEqual(['health.check: conflict']);
  });

  it('reports nothing for a declared code, or one every route of its kind can give', async () => {
    const signedIn = appThrowing('not_found', true);
    expect((await signedIn.app.request('/api/questions/q-1')).status).toBe(404);
    expect(signedIn.undeclared).toEqual([]);
    // A user route without a session: its 401 comes from the router, which every user route declares.
    const signedOut = appThrowing('not_found');
    expect((await signedOut.app.request('/api/assessments')).status).toBe(401);
    expect(signedOut.undeclared).toEqual([]);
  });
});
