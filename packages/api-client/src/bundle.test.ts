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
describe('api-client bundles for browsers and React Native', () => {
  it('has no Node built-ins, reads no environment, and makes a call with web globals only', async () => {
    const result = await build({
      entryPoints: [path.join(packageDirectory, 'dist', 'index.js')],
      bundle: true,
      format: 'iife',
      globalName: 'apiClient',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:|import\(["']node:/);
    expect(code).not.toMatch(/process\s*\.\s*env|process\[["']env["']\]/);

    const context = vm.createContext({
      fetch,
      Request,
      Response,
      Headers,
      URL,
      URLSearchParams,
      AbortController,
      AbortSignal,
      TextEncoder,
      ReadableStream,
      setTimeout,
      clearTimeout,
      DOMException,
    });
    vm.runInContext(`${code}; globalThis.exported = apiClient;`, context);
    const exported = context.exported as typeof import('./index.js');
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
});
