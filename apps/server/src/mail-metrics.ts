import { DEAD_MAIL_METRIC } from '@ielts-genai-prep/dal-dynamodb';

/** What a mail sender counts for the alarms. */
export interface MailMetrics {
  /** One outbox message given up on (marked dead). */
  deadMail(fields: { message_id: string; kind: string; request_id: string | null }): void;
}

/** Options for {@link createEmbeddedMetricMailMetrics}. */
export interface EmbeddedMetricMailMetricsOptions {
  /** Writes one line. Default: standard output, where Lambda hands it to CloudWatch Logs. */
  write?: (line: string) => void;
  /** The metric's `FunctionName` dimension (the server's `lambdaFunctionName`). Default: none. */
  functionName?: string | undefined;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
}

/**
 * {@link MailMetrics} as CloudWatch Embedded Metric Format lines: a JSON log line that CloudWatch
 * Logs turns into a metric ({@link DEAD_MAIL_METRIC}), with no SDK and no call that can fail. Not
 * `console.log`, which Lambda prefixes with a timestamp and request id.
 */
export function createEmbeddedMetricMailMetrics(options: EmbeddedMetricMailMetricsOptions = {}): MailMetrics {
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const { functionName } = options;
  const clock = options.clock ?? Date.now;
  const { namespace, metricName, functionNameDimension } = DEAD_MAIL_METRIC;
  return {
    deadMail(fields) {
      write(
        JSON.stringify({
          _aws: {
            Timestamp: clock(),
            CloudWatchMetrics: [
              {
                Namespace: namespace,
                Dimensions: [functionName ? [functionNameDimension] : []],
                Metrics: [{ Name: metricName, Unit: 'Count' }],
              },
            ],
          },
          ...(functionName ? { [functionNameDimension]: functionName } : {}),
          [metricName]: 1,
          // Not dimensions: searchable in the log line, without a metric per message.
          ...fields,
        }),
      );
    },
  };
}
