import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { canonicalLoopbackOrigin, withCanonicalOrigin } from './canonical-origin.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { PRIVATE_UMASK } from './private-files.js';
import { findRootDirectory } from './root-directory.js';
import { createRuntime, type Runtime } from './runtime.js';

/** Prints a configuration problem without a stack trace, and exits with 2. */
function exitWithConfigError(error: ConfigError): never {
  console.error(error.message);
  process.exit(2);
}

async function main(): Promise<void> {
  // The embedded store's files are made by a native library: the umask keeps them private too.
  process.umask(PRIVATE_UMASK);
  let config: ServerConfig;
  let runtime: Runtime;
  try {
    config = loadConfig(process.env, { rootDirectory: findRootDirectory() });
    runtime = await createRuntime(config);
  } catch (error) {
    if (error instanceof ConfigError) exitWithConfigError(error);
    throw error;
  }
  // One origin on loopback: the printed URL is PUBLIC_URL's, and the other loopback name redirects
  // there, so the session cookie and emailed links always meet the same host name.
  const canonical = canonicalLoopbackOrigin(config.publicUrl, config.port);
  const server = serve(
    { fetch: withCanonicalOrigin(runtime.app.fetch, config.publicUrl, config.port), port: config.port, hostname: config.host },
    (info) => {
      const url = canonical ?? `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${info.port}`;
      console.log(`IELTS GenAI Prep server listening on ${url}`);
      for (const line of runtime.description) console.log(`  ${line}`);
      console.log(
        existsSync(path.join(config.webDistDir, 'index.html')) ? `  web app: ${url}/` : `  web app: not built (${config.webDistDir})`,
      );
      console.log(`  API description: ${url}/openapi.json`);
    },
  );
  // A port taken by another program, or a host this machine does not have: one clear line.
  server.once('error', (error: NodeJS.ErrnoException) => {
    const problem =
      error.code === 'EADDRINUSE'
        ? `PORT: ${config.port} is already in use on ${config.host}: stop the other server or choose another PORT`
        : error.code === 'EACCES'
          ? `PORT: ${config.port} needs more privileges than this process has: choose a PORT above 1023`
          : `HOST: cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`;
    runtime.close().finally(() => exitWithConfigError(new ConfigError([problem])));
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      runtime.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
