import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContractTestServer, type ContractTestServer } from './test-support/contract-test-server.js';
import { publicUserJson } from './test-support/fixtures.js';

const packageDirectory = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

let server: ContractTestServer;
beforeAll(async () => {
  server = await startContractTestServer();
});
afterAll(async () => {
  await server.close();
});

// api-client must run in browsers and React Native: bundle the built package as a browser bundler
// would, then run it where only web globals exist (no process, no Buffer, no require).
async function bundle(options: { conditions?: string[]; mainFields?: string[] } = {}): Promise<string> {
  const result = await build({
    entryPoints: [path.join(packageDirectory, 'dist', 'index.js')],
    bundle: true,
    format: 'iife',
    globalName: 'apiClient',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0]!.text;
}

// What Hermes, React Native's engine, gives a script: fetch, AbortController and TextEncoder, but
// neither AbortSignal.any (nor AbortSignal.timeout) nor ReadableStream nor DOMException.
const reactNativeGlobals = {
  fetch,
  Request,
  Response,
  Headers,
  URL,
  URLSearchParams,
  AbortController,
  AbortSignal: new Proxy(AbortSignal, {
    get: (target, property) => (property === 'any' || property === 'timeout' ? undefined : Reflect.get(target, property)),
  }),
  TextEncoder,
  setTimeout,
  clearTimeout,
};
// A browser has all of those, the whole AbortSignal, ReadableStream and DOMException too.
const browserGlobals = { ...reactNativeGlobals, AbortSignal, ReadableStream, DOMException };

/** Runs the bundle where only `globals` exist, and gives what the package exports. */
function load(code: string, globals: object): typeof import('./index.js') {
  const context = vm.createContext({ ...globals });
  vm.runInContext(`${code}; globalThis.exported = apiClient;`, context);
  return context.exported as typeof import('./index.js');
}

describe('api-client bundles for browsers and React Native', () => {
  it('has no Node built-ins, reads no environment, and makes a call with web globals only', async () => {
    const code = await bundle();
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:|import\(["']node:/);
    expect(code).not.toMatch(/process\s*\.\s*env|process\[["']env["']\]/);

    const exported = load(code, browserGlobals);
    expect(Object.keys(exported).sort()).toEqual([
      'ApiAbortError',
      'ApiClientError',
      'ApiError',
      'ApiInputValidationError',
      'ApiNetworkError',
      'ApiResponseValidationError',
      'ApiTimeoutError',
      'createApiClient',
    ]);

    server.handle(() => ({ status: 200, json: { user: publicUserJson } }));
    const client = exported.createApiClient({ baseUrl: server.url, getToken: () => 'tok_bundle' });
    const me = await client.auth.me();
    expect(me.user.email).toBe('learner@example.com');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer tok_bundle');
  });

  it("runs with React Native's globals: resolved as Metro does, without AbortSignal.any, ReadableStream or DOMException", async () => {
    // Metro resolves the `react-native` condition and field first.
    const code = await bundle({ conditions: ['react-native'], mainFields: ['react-native', 'browser', 'module', 'main'] });
    const exported = load(code, reactNativeGlobals);

    server.handle(() => ({ status: 200, json: { user: publicUserJson } }));
    const client = exported.createApiClient({ baseUrl: server.url, getToken: () => 'tok_native', retry: false });
    expect((await client.auth.me()).user.email).toBe('learner@example.com');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer tok_native');

    server.handle(() => ({ status: 200, json: { user: publicUserJson }, delayMs: 20_000 }));
    const timedOut = await client.auth.me({ timeout: 50 }).catch((error: unknown) => error);
    expect(exported.ApiTimeoutError.isInstance(timedOut)).toBe(true);

    const controller = new AbortController();
    const call = client.auth.me({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(exported.ApiAbortError.isInstance(await call.catch((error: unknown) => error))).toBe(true);

    server.handle(() => ({ status: 404, json: { error: { code: 'not_found', message: 'No such assessment', details: [] } } }));
    const notFound = await client.assessments.get({ id: 'asm_1' }).catch((error: unknown) => error);
    expect(exported.ApiError.isInstance(notFound) && notFound.code).toBe('not_found');
  });
});
