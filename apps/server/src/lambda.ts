import { handle } from 'hono/aws-lambda';
import * as z from 'zod';
import { loadConfig } from './config.js';
import type { DrainReport } from './mail-sender.js';
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

/** A batch of DynamoDB Streams records (the outbox table's); only the keys are read. */
const streamEventSchema = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:dynamodb'),
        eventName: z.string().optional(),
        dynamodb: z.object({ Keys: z.object({ message_id: z.object({ S: z.string() }).optional() }).optional() }).optional(),
      }),
    )
    .min(1),
});

/** The EventBridge schedule's event (`detail-type: Scheduled Event`), which sweeps for retries and lapsed holds. */
const scheduledEventSchema = z.object({ source: z.literal('aws.events'), 'detail-type': z.literal('Scheduled Event') });

/** The outbox table's stream batch, or the schedule's event: the Lambda handler drains the outbox for either. */
export type MailEvent = z.input<typeof streamEventSchema> | z.input<typeof scheduledEventSchema>;

/** The server's Lambda handler: an HTTP answer for an HTTP event, a drain's report for a {@link MailEvent}. */
export interface ServerLambdaHandler {
  (event: LambdaEvent, context: LambdaContext): Promise<Awaited<ReturnType<ReturnType<typeof handle>>>>;
  (event: MailEvent, context?: LambdaContext): Promise<DrainReport>;
}

/** The outbox ids of a stream batch (inserted or changed messages), or undefined when the event is not a mail event. */
export function mailEventMessageIds(event: unknown): string[] | undefined {
  const stream = streamEventSchema.safeParse(event);
  if (stream.success) {
    return stream.data.Records.filter((record) => record.eventName !== 'REMOVE').flatMap(
      (record) => record.dynamodb?.Keys?.message_id?.S ?? [],
    );
  }
  return scheduledEventSchema.safeParse(event).success ? [] : undefined;
}

/**
 * Creates the Lambda handler of the same app as the Node server, for three kinds of event: HTTP
 * (API Gateway or a function URL), the outbox table's stream (a message inserted or made due:
 * its ids are claimed by key, then whatever else is due) and the schedule (retries that fell due,
 * holds that lapsed). The server is built on the first event from `readEnvironment()` and reused;
 * a start that failed (DynamoDB unreachable, say) is tried again on the next event rather than
 * kept. No HTTP answer waits for mail: requests only write the outbox.
 */
export function createLambdaHandler(readEnvironment: () => Record<string, string | undefined> = () => process.env): ServerLambdaHandler {
  let runtime: Promise<Runtime> | undefined;
  const handler = async (event: LambdaEvent | MailEvent, context: LambdaContext): Promise<unknown> => {
    if (!runtime) {
      const environment = readEnvironment();
      const starting = createRuntime(
        loadConfig(lambdaEnvironment(environment), { rootDirectory: environment.LAMBDA_TASK_ROOT ?? process.cwd() }),
        // A frozen instance cannot poll: the stream and the schedule drain the outbox instead.
        { mailPoller: false },
      );
      runtime = starting;
      starting.catch(() => {
        if (runtime === starting) runtime = undefined;
      });
    }
    const { app, mail } = await runtime;
    const messageIds = mailEventMessageIds(event);
    if (messageIds) {
      // Two batches at most (ten messages each, sent in parallel, 10 s of SES at worst), well inside
      // the function's timeout; the rest waits for the next record or sweep. A failure to reach
      // DynamoDB throws, so Lambda retries the batch; the messages stay in the table either way.
      return mail.drain({ messageIds, maxBatches: 2 });
    }
    return handle(app)(event as LambdaEvent, context);
  };
  return handler as ServerLambdaHandler;
}

/** The Lambda handler (`dist/lambda.js`, `handler`) for HTTP, outbox stream and schedule events, configured from the function's environment variables. */
export const handler = createLambdaHandler();
