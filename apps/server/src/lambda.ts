import { handle } from 'hono/aws-lambda';
import { loadConfig } from './config.js';
import { createRuntime, type Runtime } from './runtime.js';

let runtime: Promise<Runtime> | undefined;

/**
 * The same app as the Node server, as an AWS Lambda handler (API Gateway or a function URL).
 * It is built on the first request from the function's environment variables and reused.
 */
export const handler = async (event: Parameters<ReturnType<typeof handle>>[0], context: Parameters<ReturnType<typeof handle>>[1]) => {
  // Only /tmp is writable on Lambda.
  const environment = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? '/tmp/ielts-genai-prep' };
  runtime ??= createRuntime(loadConfig(environment, { rootDirectory: process.env.LAMBDA_TASK_ROOT ?? process.cwd() }));
  const { app } = await runtime;
  return handle(app)(event, context);
};
