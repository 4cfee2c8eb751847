import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config.js';
import { findRootDirectory } from './root-directory.js';
import { createRuntime } from './runtime.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { rootDirectory: findRootDirectory() });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const runtime = await createRuntime(config);
  const server = serve({ fetch: runtime.app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${info.port}`;
    console.log(`IELTS GenAI Prep server listening on ${url}`);
    for (const line of runtime.description) console.log(`  ${line}`);
    console.log(existsSync(path.join(config.webDistDir, 'index.html')) ? `  web app: ${url}/` : `  web app: not built (${config.webDistDir})`);
    console.log(`  API description: ${url}/openapi.json`);
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
