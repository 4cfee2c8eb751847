import { handle } from 'hono/aws-lambda';
import { loadConfig } from './config.js';
import { createRuntime, type Runtime } from './runtime.js';

type LambdaEvent = Parameters<ReturnType<typeof handle>>[0];
type LambdaContext = Parameters<ReturnType<typeof handle>>[1];

/**
 * The environment the server reads on Lambda: only `/tmp` is writable there, and a function is
 * not local development, so `NODE_ENV` defaults to `production` (Secure cookies, a required
 * `CURSOR_SECRET`) instead of the one-command start's `development`.
 */
export function lambdaEnvironment(environment: Record<string, string | undefined>): Record<string, string | undefined> {
  const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';
  return {
    ...environment,
    DATA_DIR: isSet(environment.DATA_DIR) ? environment.DATA_DIR : '/tmp/ielts-genai-prep',
    NODE_ENV: isSet(environment.NODE_ENV) ? environment.NODE_ENV : 'production',
  };
}

/**
 * Creates a Lambda handler (API Gateway or a function URL) for the same app as the Node server.
 * The server is built on the first request from `readEnvironment()` and reused; a start that
 * failed (DynamoDB unreachable, say) is tried again on the next request rather than kept.
 */
export function createLambdaHandler(readEnvironment: () => Record<string, string | undefined> = () => process.env) {
  let runtime: Promise<Runtime> | undefined;
  return async (event: LambdaEvent, context: LambdaContext) => {
    if (!runtime) {
      const starting = createRuntime(
        loadConfig(lambdaEnvironment(readEnvironment()), { rootDirectory: process.env.LAMBDA_TASK_ROOT ?? process.cwd() }),
      );
      runtime = starting;
      starting.catch(() => {
        if (runtime === starting) runtime = undefined;
      });
    }
    const { app, mailQueue } = await runtime;
    const response = await handle(app)(event, context);
    // Lambda freezes the instance once the handler returns: queued mail is sent first.
    await mailQueue.idle();
    return response;
  };
}

/** The Lambda handler (`dist/lambda.js`, `handler`), configured from the function's environment variables. */
export const handler = createLambdaHandler();
